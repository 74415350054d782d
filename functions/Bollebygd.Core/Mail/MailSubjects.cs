using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Mail;

/// <summary>Subjects of the mail we send: the case reference in brackets, so an answer threads onto the case.</summary>
public static class MailSubjects
{
    public const int MaxLength = 200;

    /// <summary>"[KC-2026-000123] text", unless the text already carries the reference.</summary>
    public static string WithReference(CaseReference reference, string subject)
    {
        subject = Clean(subject);
        return InboundMailRules.ReferenceInSubject(subject) == reference ? subject : $"[{reference}] {subject}".TrimEnd();
    }

    /// <summary>The subject of an answer to a mail: "Sv: " once, and the reference.</summary>
    public static string Answer(CaseReference reference, string? original, string fallback)
    {
        var subject = Clean(original ?? "");
        while (StartsWithReplyPrefix(subject, out var rest))
        {
            subject = rest;
        }
        return "Sv: " + WithReference(reference, subject.Length == 0 ? fallback : subject);
    }

    /// <summary>One line, no control characters, at most <see cref="MaxLength"/> characters.</summary>
    public static string Clean(string subject)
    {
        var line = new string(subject.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        while (line.Contains("  ", StringComparison.Ordinal))
        {
            line = line.Replace("  ", " ", StringComparison.Ordinal);
        }
        return line.Length <= MaxLength ? line : line[..MaxLength].TrimEnd() + "…";
    }

    private static bool StartsWithReplyPrefix(string subject, out string rest)
    {
        foreach (var prefix in (string[])["Sv:", "SV:", "Re:", "RE:", "Aw:", "AW:", "VB:", "Fwd:", "Fw:"])
        {
            if (subject.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                rest = subject[prefix.Length..].TrimStart();
                return true;
            }
        }
        rest = subject;
        return false;
    }
}
