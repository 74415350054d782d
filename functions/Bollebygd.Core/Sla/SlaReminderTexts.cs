using System.Globalization;
using System.Text;
using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Sla;

/// <summary>
/// The words of the SLA reminders, in Swedish: the mail to staff (what is due when, where the case is, the link — never
/// the citizen's details, and no title for a secret case) and the line on the case's timeline.
/// </summary>
public static class SlaReminderTexts
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The target as a noun, for lists and subjects: "första svar", "nästa svar", "avslut", "remissvar".</summary>
    public static string TargetName(SlaTarget target) => target switch
    {
        SlaTarget.FirstResponse => "första svar",
        SlaTarget.NextResponse => "nästa svar",
        SlaTarget.RemissAnswer => "remissvar",
        _ => "avslut",
    };

    /// <summary>What the case should be by then: "ha fått ett första svar", "vara avslutat".</summary>
    private static string Due(SlaTarget target) => target switch
    {
        SlaTarget.FirstResponse => "ha fått ett första svar",
        SlaTarget.NextResponse => "ha fått svar på det senaste meddelandet",
        SlaTarget.RemissAnswer => "ha fått svar på remissen",
        _ => "vara avslutat",
    };

    /// <summary>The same, missed: "fått ett första svar", "varit avslutat".</summary>
    private static string Missed(SlaTarget target) => target switch
    {
        SlaTarget.FirstResponse => "fått ett första svar",
        SlaTarget.NextResponse => "fått svar på det senaste meddelandet",
        SlaTarget.RemissAnswer => "fått svar på remissen",
        _ => "varit avslutat",
    };

    public static string RecipientName(SlaRecipient recipient) => recipient switch
    {
        SlaRecipient.Lead => "gruppledaren",
        SlaRecipient.Supervisor => "chefen",
        _ => "handläggaren",
    };

    /// <summary>"torsdag 26 november kl. 10:00", in Swedish time.</summary>
    public static string When(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, SwedishTime.Zone).ToString("dddd d MMMM 'kl.' HH:mm", Swedish);

    public static string Subject(SlaNotice notice) => notice.Kind switch
    {
        SlaNoticeKind.Warning => $"Påminnelse: {TargetName(notice.Target)} senast {When(notice.DueAt)}",
        _ => $"Tidsgränsen för {TargetName(notice.Target)} har passerats",
    };

    public static string Body(Case @case, SlaNotice notice, string recipientName, string groupName, TimeSpan remaining, string link)
    {
        var text = new StringBuilder();
        text.AppendLine($"Hej {recipientName}!");
        text.AppendLine();
        var what = @case.Secret ? $"Ärende {@case.Reference}" : $"Ärende {@case.Reference} ({@case.Title})";
        if (notice.Kind == SlaNoticeKind.Warning)
        {
            text.AppendLine($"{what} ska {Due(notice.Target)} senast {When(notice.DueAt)}. Det är {Duration(remaining)} arbetstid kvar.");
        }
        else
        {
            text.AppendLine($"{what} skulle ha {Missed(notice.Target)} senast {When(notice.DueAt)}. Tidsgränsen har passerats.");
            if (notice.Step > 0)
            {
                text.AppendLine($"Du får det här meddelandet som {RecipientName(notice.Recipient)}, eftersom ärendet fortfarande väntar.");
            }
        }
        text.AppendLine();
        text.AppendLine($"Ärendet ligger hos {groupName}. Handläggare: {@case.Assignee?.Name ?? "ingen ännu"}.");
        text.AppendLine();
        text.AppendLine($"Öppna ärendet (logga in först): {link}");
        text.AppendLine();
        text.AppendLine("Det här är en automatisk påminnelse från Bollebygd Kontaktcenter. Svara inte på det här meddelandet.");
        return text.ToString();
    }

    public static string TimelineText(SlaNotice notice, IReadOnlyList<string> recipientNames)
    {
        var to = string.Join(", ", recipientNames);
        return notice.Kind switch
        {
            SlaNoticeKind.Warning => $"Påminnelse: ärendet ska {Due(notice.Target)} senast {When(notice.DueAt)}. Skickad till {to}.",
            SlaNoticeKind.Breach when notice.Step == 0 =>
                $"Tidsgränsen passerades: ärendet skulle ha {Missed(notice.Target)} senast {When(notice.DueAt)}. Påminnelse skickad till {to}.",
            SlaNoticeKind.Breach => $"Tidsgränsen passerades: ärendet skulle ha {Missed(notice.Target)} senast {When(notice.DueAt)}. "
                                    + $"Eskalerat till {RecipientName(notice.Recipient)}: {to}.",
            _ => $"Ärendet är försenat: det skulle ha avslutats senast {When(notice.DueAt)}. Enligt förvaltningslagen 11 § ska den som skrev få veta att "
                 + "handläggningen dröjer, och varför. Ett förslag på meddelande finns på ärendet.",
        };
    }

    /// <summary>"2 tim 15 min", "40 min".</summary>
    public static string Duration(TimeSpan span)
    {
        var minutes = (int)Math.Max(0, Math.Round(span.TotalMinutes));
        return minutes >= 60 ? $"{minutes / 60} tim {minutes % 60} min" : $"{minutes} min";
    }
}
