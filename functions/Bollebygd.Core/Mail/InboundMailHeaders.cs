namespace Bollebygd.Core.Mail;

/// <summary>The headers of an arriving mail that decide what becomes of it (parsed by the mail adapter).</summary>
public sealed record InboundMailHeaders(
    string? MessageId,
    string? Subject,
    string? ReturnPath,
    string? AutoSubmitted,
    string? Precedence,
    string? ContentType,
    bool HasAutoReplyHeader,
    IReadOnlyList<string> InReplyToAndReferences,
    string? From = null,
    bool HasListHeader = false);
