using System.Text;
using Bollebygd.Functions.Http;
using Bollebygd.Functions.Staff;
using Bollebygd.Functions.Tests.Intake;

namespace Bollebygd.Functions.Tests.Staff;

/// <summary>The Static Web App's rolesSource, called as the platform calls it after a staff sign-in.</summary>
public sealed class StaticWebAppRolesFunctionTests
{
    private readonly StaticWebAppRolesFunction _function =
        new(new ClientRateLimiter(Microsoft.Extensions.Options.Options.Create(new RateLimitOptions()), TimeProvider.System));

    [Fact]
    public async Task A_lead_signed_in_through_entra_gets_staff_and_lead()
    {
        var result = await _function.Run(HttpRequests.Json(new
        {
            identityProvider = "aad",
            userId = "d1b2",
            userDetails = "lena@bollebygd.se",
            claims = new[] { new { typ = "name", val = "Lena" }, new { typ = "roles", val = "Lead" } },
        }), CancellationToken.None);

        var (status, body) = HttpRequests.Read(result);
        Assert.Equal(200, status);
        Assert.Equal(["staff", "lead"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_citizen_with_an_entra_account_gets_no_role_and_a_broken_body_is_refused()
    {
        var (_, none) = HttpRequests.Read(await _function.Run(HttpRequests.Json(new { claims = new[] { new { typ = "name", val = "Eva" } } }),
            CancellationToken.None));
        Assert.Equal(0, none.GetProperty("roles").GetArrayLength());

        var (status, _) = HttpRequests.Read(await _function.Run(HttpRequests.Raw(Encoding.UTF8.GetBytes("{claims:"), "application/json"),
            CancellationToken.None));
        Assert.Equal(400, status);
    }
}
