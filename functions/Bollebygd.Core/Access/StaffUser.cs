namespace Bollebygd.Core.Access;

/// <summary>
/// A signed-in member of staff: the stable user id (Entra object id), the name shown on the timeline, roles, and the
/// competence groups they belong to.
/// </summary>
public sealed record StaffUser(string Id, string Name, string? Email, IReadOnlySet<StaffRole> Roles, IReadOnlySet<string> Groups)
{
    public bool Has(StaffRole role) => Roles.Contains(role);

    /// <summary>Whether the user may work the cases of a group: a member, or an admin.</summary>
    public bool CanWorkIn(string group) => Has(StaffRole.Admin) || Groups.Contains(group);

    /// <summary>The author name on the timeline: who did it, by id and name.</summary>
    public string Author => $"staff:{Id}:{Name}";
}
