using System.Text.RegularExpressions;
using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Mail;

/// <summary>
/// What an arriving mail is, and which case it continues. Automatic mail (RFC 3834 Auto-Submitted, X-Autoreply and
/// friends, Precedence bulk/junk/list/auto_reply, mailing-list headers, noreply- and list-style senders) and bounces
/// (an empty Return-Path, multipart/report delivery-status, MAILER-DAEMON and postmaster) are recognised so that
/// nothing answers them; the system's own mail is recognised by its Message-ID (the caller also checks the sender,
/// as anyone can write such a Message-ID).
/// </summary>
public static partial class InboundMailRules
{
    public static InboundMailKind Classify(InboundMailHeaders mail)
    {
        if (MessageIds.CaseIdOf(mail.MessageId) is not null)
        {
            return InboundMailKind.Ours;
        }
        var contentType = mail.ContentType ?? "";
        var sender = LocalPart(mail.From);
        if (mail.ReturnPath is { } returnPath && returnPath.Trim() is "<>" or ""
            || contentType.StartsWith("multipart/report", StringComparison.OrdinalIgnoreCase)
               && contentType.Contains("delivery-status", StringComparison.OrdinalIgnoreCase)
            || sender is "mailer-daemon" or "postmaster")
        {
            return InboundMailKind.Bounce;
        }
        var autoSubmitted = mail.AutoSubmitted?.Trim();
        if (autoSubmitted is { Length: > 0 } && !autoSubmitted.StartsWith("no", StringComparison.OrdinalIgnoreCase)
            || mail.HasAutoReplyHeader
            || mail.HasListHeader
            || mail.Precedence?.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply"
            || sender is not null && (NoReply().IsMatch(sender) || sender.EndsWith("-request", StringComparison.Ordinal)
                                      || sender.StartsWith("owner-", StringComparison.Ordinal)))
        {
            return InboundMailKind.Automatic;
        }
        return InboundMailKind.Personal;
    }

    /// <summary>A case reference in the subject, such as "Sv: [KC-2026-000123] Uppehåll i avfallshämtning".</summary>
    public static CaseReference? ReferenceInSubject(string? subject)
    {
        var match = subject is null ? null : Reference().Match(subject);
        return match is { Success: true } && CaseReference.TryParse(match.Value, out var reference) ? reference : null;
    }

    /// <summary>The case our own Message-IDs in In-Reply-To/References point at, newest first.</summary>
    public static string? RepliedCaseId(InboundMailHeaders mail) =>
        mail.InReplyToAndReferences.Reverse().Select(MessageIds.CaseIdOf).FirstOrDefault(id => id is not null);

    private static string? LocalPart(string? address) =>
        address?.Trim().Split('@')[0].ToLowerInvariant() is { Length: > 0 } local ? local : null;

    [GeneratedRegex(@"^(no-?reply|do-?not-?reply)([-+._].*)?\z")]
    private static partial Regex NoReply();

    [GeneratedRegex(@"(?<![0-9A-Za-z])KC-[0-9]{4}-[0-9]{6}(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
