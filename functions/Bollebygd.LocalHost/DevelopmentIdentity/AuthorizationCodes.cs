using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Bollebygd.LocalHost.DevelopmentIdentity;

/// <summary>
/// The one-time codes of the authorization-code flow with PKCE (RFC 7636), as Entra ID runs it for a single-page
/// app: a code is given for a chosen user, a redirect address and a code challenge, and is exchanged once, within five
/// minutes, by whoever has the verifier that hashes to the challenge.
/// </summary>
public sealed class AuthorizationCodes(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);

    public string Issue(DevelopmentUser user, string redirectUri, string codeChallenge)
    {
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _grants[code] = new Grant(user, redirectUri, codeChallenge, time.GetUtcNow() + Lifetime);
        return code;
    }

    /// <summary>The user the code was issued for, or null when the code, address or verifier does not fit (or was used).</summary>
    public DevelopmentUser? Redeem(string code, string redirectUri, string codeVerifier)
    {
        if (!_grants.TryRemove(code, out var grant) || grant.ExpiresAt < time.GetUtcNow() || grant.RedirectUri != redirectUri)
        {
            return null;
        }
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(challenge), Encoding.ASCII.GetBytes(grant.CodeChallenge))
            ? grant.User
            : null;
    }

    private sealed record Grant(DevelopmentUser User, string RedirectUri, string CodeChallenge, DateTimeOffset ExpiresAt);
}
