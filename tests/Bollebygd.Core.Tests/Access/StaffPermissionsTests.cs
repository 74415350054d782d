using Bollebygd.Core.Access;

namespace Bollebygd.Core.Tests.Access;

public class StaffPermissionsTests
{
    private static StaffUser User(StaffRole role, params string[] groups) => new("u", "U", null, new HashSet<StaffRole> { role }, groups.ToHashSet());

    [Theory]
    [InlineData(StaffRole.Agent, StaffAction.WorkCases, true)]
    [InlineData(StaffRole.Agent, StaffAction.ManageCases, false)]
    [InlineData(StaffRole.Agent, StaffAction.EditKnowledge, false)]
    [InlineData(StaffRole.Agent, StaffAction.ReadAudit, false)]
    [InlineData(StaffRole.Specialist, StaffAction.WorkCases, true)]
    [InlineData(StaffRole.Lead, StaffAction.ManageCases, true)]
    [InlineData(StaffRole.Lead, StaffAction.EditKnowledge, true)]
    [InlineData(StaffRole.Lead, StaffAction.ReadAudit, true)]
    [InlineData(StaffRole.Registrator, StaffAction.ReadCases, true)]
    [InlineData(StaffRole.Registrator, StaffAction.WorkCases, false)]
    [InlineData(StaffRole.Registrator, StaffAction.SuggestRouting, false)]
    [InlineData(StaffRole.Admin, StaffAction.ManageCases, true)]
    [InlineData(StaffRole.Admin, StaffAction.RestoreBackups, true)]
    [InlineData(StaffRole.Lead, StaffAction.RestoreBackups, false)]
    public void Each_role_may_do_what_the_table_says(StaffRole role, StaffAction action, bool allowed) =>
        Assert.Equal(allowed, StaffPermissions.Allows(User(role), action));

    [Fact]
    public void Every_role_may_read_its_own_profile_and_no_action_is_left_without_a_role()
    {
        Assert.All(Enum.GetValues<StaffRole>(), role => Assert.True(StaffPermissions.Allows(User(role), StaffAction.ReadOwnProfile)));
        Assert.All(Enum.GetValues<StaffAction>(), action => Assert.NotEmpty(StaffPermissions.RolesFor(action)));
    }

    [Fact]
    public void Members_work_in_their_groups_and_admins_in_all()
    {
        Assert.True(User(StaffRole.Agent, "kundtjanst").CanWorkIn("kundtjanst"));
        Assert.False(User(StaffRole.Lead, "kundtjanst").CanWorkIn("va-renhallning"));
        Assert.True(User(StaffRole.Admin).CanWorkIn("va-renhallning"));
    }
}
