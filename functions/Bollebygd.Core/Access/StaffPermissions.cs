namespace Bollebygd.Core.Access;

/// <summary>
/// Which roles may do what. Group membership is checked on top, per case (<see cref="StaffUser.CanWorkIn"/>). The
/// table is the one place the rules live; the authorisation tests walk it for every staff endpoint.
/// </summary>
public static class StaffPermissions
{
    private static readonly StaffRole[] CaseWorkers = [StaffRole.Agent, StaffRole.Specialist, StaffRole.Lead, StaffRole.Admin];

    public static IReadOnlySet<StaffRole> RolesFor(StaffAction action) => action switch
    {
        StaffAction.ReadOwnProfile => Enum.GetValues<StaffRole>().ToHashSet(),
        StaffAction.ReadCases => CaseWorkers.Append(StaffRole.Registrator).ToHashSet(),
        StaffAction.WorkCases or StaffAction.SuggestRouting or StaffAction.ReadKnowledge => CaseWorkers.ToHashSet(),
        StaffAction.ManageCases or StaffAction.EditKnowledge or StaffAction.ReadAudit => new HashSet<StaffRole> { StaffRole.Lead, StaffRole.Admin },
        StaffAction.RegisterCases => new HashSet<StaffRole> { StaffRole.Registrator, StaffRole.Lead, StaffRole.Admin },
        StaffAction.RestoreBackups => new HashSet<StaffRole> { StaffRole.Admin },
        _ => new HashSet<StaffRole>(),
    };

    public static bool Allows(StaffUser user, StaffAction action) => RolesFor(action).Overlaps(user.Roles);
}
