using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bollebygd.LocalHost.DevelopmentIdentity;

/// <summary>
/// An OpenID provider for this machine only: it signs tokens for <see cref="DevelopmentUser"/>s with a key made at
/// start-up and publishes the key in its metadata, so the Function App validates them exactly as it validates Entra
/// ID's — there is no switch in the app to trust anything else. It exists in LocalHost, which never runs in Azure.
/// </summary>
public sealed class DevelopmentIdentityProvider : IDisposable
{
    public const string PathPrefix = "/.dev-identity";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly TimeProvider _time;

    public DevelopmentIdentityProvider(TimeProvider time)
    {
        _time = time;
        _key = new RsaSecurityKey(_rsa) { KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };
    }

    public static string IssuerFor(Uri baseAddress) => baseAddress.GetLeftPart(UriPartial.Authority) + PathPrefix;

    public string CreateToken(DevelopmentUser user, string issuer, string audience)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(8),
            Claims = new Dictionary<string, object>
            {
                ["oid"] = user.ObjectId,
                ["sub"] = user.ObjectId,
                ["name"] = user.Name,
                ["preferred_username"] = user.Email,
                ["roles"] = user.Roles,
                ["groups"] = user.Groups,
            },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public object Metadata(string issuer) => new Dictionary<string, object>
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = issuer + "/keys",
        ["authorization_endpoint"] = issuer + "/authorize",
        ["token_endpoint"] = issuer + "/token",
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        ["response_types_supported"] = new[] { "code" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["grant_types_supported"] = new[] { "authorization_code" },
        ["subject_types_supported"] = new[] { "public" },
    };

    public object Keys()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = _key.KeyId });
        return new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = SecurityAlgorithms.RsaSha256, n = jwk.N, e = jwk.E } } };
    }

    public void Dispose() => _rsa.Dispose();
}
