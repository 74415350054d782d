using System.Security.Cryptography;
using System.Text;

namespace Bollebygd.Core.Remiss;

/// <summary>
/// The token of a remiss link: which remiss, until when, and an HMAC-SHA256 over both with the app's key —
/// <c>base64url(v1|caseId|remissId|expires)</c>, a dot, <c>base64url(mac)</c>. It sits in the link's fragment, so no
/// server log records it; a changed character or a passed expiry makes it worthless. Pure: the key is given.
/// </summary>
public static class RemissLinkToken
{
    private const string Version = "v1";
    private const int MaxLength = 512;

    public static string Create(byte[] key, string caseId, string remissId, DateTimeOffset expiresAt)
    {
        var payload = Encoding.UTF8.GetBytes($"{Version}|{caseId}|{remissId}|{expiresAt.ToUnixTimeSeconds()}");
        return Base64Url(payload) + "." + Base64Url(HMACSHA256.HashData(key, payload));
    }

    /// <summary>The remiss the token names, or null when it is malformed, forged, altered or expired at <paramref name="now"/>.</summary>
    public static (string CaseId, string RemissId)? Read(byte[] key, string? token, DateTimeOffset now)
    {
        if (token is null || token.Length > MaxLength || token.Split('.') is not [var payloadText, var macText])
        {
            return null;
        }
        byte[] payload, mac;
        try
        {
            payload = FromBase64Url(payloadText);
            mac = FromBase64Url(macText);
        }
        catch (FormatException)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload)))
        {
            return null;
        }
        return Encoding.UTF8.GetString(payload).Split('|') is [Version, var caseId, var remissId, var expires]
               && long.TryParse(expires, out var seconds) && DateTimeOffset.FromUnixTimeSeconds(seconds) > now
            ? (caseId, remissId)
            : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
