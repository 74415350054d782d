namespace Bollebygd.Core.Access;

/// <summary>
/// Port: the staff who have signed in, with their e-mail addresses, roles and groups as their last token said. It is
/// how a reminder finds the assignee's address and a group's leads without a directory API.
/// </summary>
public interface IStaffDirectory
{
    /// <summary>Records the user as seen now (their name, address, roles and groups may have changed).</summary>
    Task RecordAsync(StaffUser user, CancellationToken cancellationToken);

    Task<StaffProfile?> FindAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Everyone seen who leads the group.</summary>
    Task<IReadOnlyList<StaffProfile>> LeadsOfAsync(string group, CancellationToken cancellationToken);
}
