using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Bollebygd.Core.Cases;

/// <summary>
/// The secret in a citizen's private tracking link: 256 random bits, base64url. Only its SHA-256 hash is stored, so
/// the link cannot be rebuilt from storage.
/// </summary>
public static class TrackingToken
{
    public const int Bytes = 32;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Whether the text can be a token at all (cheap check before any lookup).</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
