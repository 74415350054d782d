using Bollebygd.Core.Access;

namespace Bollebygd.Core.Tests.Access;

public sealed class StaticWebAppRolesTests
{
    [Fact]
    public void Entra_app_roles_become_staff_and_the_role_names()
    {
        var roles = StaticWebAppRoles.For([("roles", "Registrator"), ("roles", "Agent"), ("name", "Rita"), ("roles", "agent")]);

        Assert.Equal(["staff", "agent", "registrator"], roles);
    }

    [Fact]
    public void Someone_without_a_staff_role_gets_no_role_at_all()
    {
        Assert.Empty(StaticWebAppRoles.For([("roles", "Citizen"), ("roles", "1"), ("groups", "Agent"), ("name", "Admin")]));
    }
}
