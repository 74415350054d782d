using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Bollebygd.Functions.Tests.Staff;

/// <summary>An OpenID provider in memory: its metadata (issuer and signing key) and tokens signed as it would sign them.</summary>
public sealed class TestIdentityProvider : IDisposable
{
    public const string Issuer = "https://login.example.test/tenant/v2.0";
    public const string Audience = "api://bollebygd-kontaktcenter";

    private readonly RSA _rsa = RSA.Create(2048);

    public TestIdentityProvider() => Key = new RsaSecurityKey(_rsa) { KeyId = "test-key" };

    public RsaSecurityKey Key { get; }

    public IConfigurationManager<OpenIdConnectConfiguration> Metadata()
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
        configuration.SigningKeys.Add(Key);
        return new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
    }

    public string Token(string[] roles, string[] groups, string issuer = Issuer, string audience = Audience,
        DateTime? expires = null, SecurityKey? key = null, string oid = "user-1", string name = "Anna Andersson")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (expires ?? now.AddHours(1)) < now ? now.AddHours(-3) : now,
            NotBefore = (expires ?? now.AddHours(1)) < now ? now.AddHours(-3) : now,
            Expires = expires ?? now.AddHours(1),
            Claims = new Dictionary<string, object> { ["oid"] = oid, ["name"] = name, ["roles"] = roles, ["groups"] = groups },
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose() => _rsa.Dispose();
}
