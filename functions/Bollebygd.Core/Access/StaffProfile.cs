namespace Bollebygd.Core.Access;

/// <summary>
/// A member of staff as last seen signing in: how to reach them (the reminders need an address) and what they lead.
/// </summary>
public sealed record StaffProfile(string Id, string Name, string? Email, IReadOnlySet<StaffRole> Roles, IReadOnlySet<string> Groups, DateTimeOffset SeenAt)
{
    public static StaffProfile Of(StaffUser user, DateTimeOffset seenAt) => new(user.Id, user.Name, user.Email, user.Roles, user.Groups, seenAt);

    public bool Leads(string group) => Roles.Contains(StaffRole.Lead) && Groups.Contains(group);
}
