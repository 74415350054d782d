using System.Security.Cryptography;
using System.Text;
using Bollebygd.Adapters.Access;
using Bollebygd.Core.Access;
using Bollebygd.Core.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Bollebygd.Functions.Tests.Staff;

public sealed class StaffTokenValidationTests : IDisposable
{
    private const string KundtjanstInEntra = "6a1f0c3e-0000-4000-8000-000000000001";
    private const string TriageInEntra = "6a1f0c3e-0000-4000-8000-000000000002";
    private readonly TestIdentityProvider _provider = new();
    private readonly OidcStaffTokenValidator _validator;

    public StaffTokenValidationTests()
    {
        var options = new StaffAuthOptions
        {
            Authority = "https://login.example.test/tenant/v2.0",
            Audience = TestIdentityProvider.Audience + ", 11111111-2222-3333-4444-555555555555",
            GroupMap = { [KundtjanstInEntra] = "kundtjanst", [TriageInEntra] = "triage" },
        };
        var groups = new CompetenceGroups([new("triage", "Triage"), new("kundtjanst", "Kundtjänst"), new("va-renhallning", "VA")]);
        _validator = new OidcStaffTokenValidator(Options.Create(options), groups, NullLogger<OidcStaffTokenValidator>.Instance, _provider.Metadata());
    }

    [Fact]
    public async Task A_valid_token_gives_the_user_with_roles_and_mapped_groups()
    {
        var user = await _validator.ValidateAsync(_provider.Token(["Agent", "Lead", "Astronaut", "4", "Agent,Admin"],
            [KundtjanstInEntra, TriageInEntra, "va-renhallning", "okänd-grupp"]), CancellationToken.None);

        Assert.NotNull(user);
        Assert.Equal("user-1", user.Id);
        Assert.Equal("Anna Andersson", user.Name);
        Assert.Equal(new HashSet<StaffRole> { StaffRole.Agent, StaffRole.Lead }, user.Roles);
        Assert.Equal(new HashSet<string> { "kundtjanst", "triage" }, user.Groups);
        Assert.True(user.CanWorkIn("kundtjanst"));
        Assert.False(user.CanWorkIn("va-renhallning"));
    }

    [Fact]
    public async Task A_token_for_the_apis_client_id_is_accepted_too()
    {
        var user = await _validator.ValidateAsync(_provider.Token(["Agent"], [], audience: "11111111-2222-3333-4444-555555555555"), CancellationToken.None);
        Assert.NotNull(user);
    }

    [Fact]
    public async Task Tokens_from_another_issuer_for_another_api_expired_or_signed_by_another_key_are_refused()
    {
        using var otherKey = RSA.Create(2048);
        string[] roles = ["Admin"];
        Assert.Null(await _validator.ValidateAsync(_provider.Token(roles, [], issuer: "https://evil.example/v2.0"), CancellationToken.None));
        Assert.Null(await _validator.ValidateAsync(_provider.Token(roles, [], audience: "api://something-else"), CancellationToken.None));
        Assert.Null(await _validator.ValidateAsync(_provider.Token(roles, [], expires: DateTime.UtcNow.AddMinutes(-10)), CancellationToken.None));
        Assert.Null(await _validator.ValidateAsync(_provider.Token(roles, [], key: new RsaSecurityKey(otherKey) { KeyId = "test-key" }), CancellationToken.None));
        Assert.Null(await _validator.ValidateAsync("not-a-token", CancellationToken.None));
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var unsigned = Part("""{"alg":"none","typ":"JWT"}""") + "." +
                       Part($$"""{"iss":"{{TestIdentityProvider.Issuer}}","aud":"{{TestIdentityProvider.Audience}}","exp":{{exp}},"oid":"x","roles":["Admin"]}""") + ".";

        Assert.Null(await _validator.ValidateAsync(unsigned, CancellationToken.None));
    }

    [Fact]
    public async Task Without_an_authority_nobody_is_let_in()
    {
        var validator = new OidcStaffTokenValidator(Options.Create(new StaffAuthOptions { Audience = TestIdentityProvider.Audience }),
            new CompetenceGroups([]), NullLogger<OidcStaffTokenValidator>.Instance);

        Assert.Null(await validator.ValidateAsync(_provider.Token(["Admin"], []), CancellationToken.None));
    }

    public void Dispose() => _provider.Dispose();
}
