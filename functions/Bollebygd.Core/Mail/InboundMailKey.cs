using System.Security.Cryptography;
using System.Text;

namespace Bollebygd.Core.Mail;

/// <summary>
/// The identity of an arriving mail: its Message-ID, or for a mail without one a Message-ID made from a hash of its
/// bytes (so the same mail fetched twice is still the same). <see cref="Key"/>, a SHA-256 of the Message-ID, names
/// the raw .eml in Blob storage and the intake claim, whatever characters the Message-ID holds.
/// </summary>
public sealed record InboundMailKey(string MessageId, string Key)
{
    public const string MissingIdDomain = "no-message-id.invalid";
    public const string LongIdDomain = "long-message-id.invalid";

    /// <summary>Longer Message-IDs are replaced by a hash of themselves: they must fit a queue message and a table row.</summary>
    public const int MaxMessageIdLength = 250;

    public static InboundMailKey For(string? messageId, ReadOnlySpan<byte> raw)
    {
        var id = Normalise(messageId) ?? $"<{Convert.ToHexStringLower(SHA256.HashData(raw))}@{MissingIdDomain}>";
        return new InboundMailKey(id, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id))));
    }

    /// <summary>The same normalisation for a Message-ID read from a parsed message: in angle brackets, bounded.</summary>
    public static string? Normalise(string? messageId)
    {
        if (messageId?.Trim().Trim('<', '>').Trim() is not { Length: > 0 } given)
        {
            return null;
        }
        return given.Length + 2 <= MaxMessageIdLength
            ? $"<{given}>"
            : $"<{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(given)))}@{LongIdDomain}>";
    }
}
