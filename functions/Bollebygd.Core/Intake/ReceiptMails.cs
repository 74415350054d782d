using System.Globalization;
using System.Text;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Catalog;
using Bollebygd.Core.Forms;
using Bollebygd.Core.Mail;

namespace Bollebygd.Core.Intake;

/// <summary>
/// The mottagningskvittens: the case reference in the subject, what arrived (for a web form: the answers, personnummer
/// masked), and the private tracking link. It leaves from the case's function mailbox, so an answer to it lands in a
/// mailbox the system reads and threads onto the case.
/// </summary>
public static class ReceiptMails
{
    public const string Subject = "Vi har tagit emot ditt ärende";

    public static OutgoingMail ForSubmission(Case @case, ServiceDefinition? service, SubmissionRecord? submission,
        string trackingLink, FunctionMailbox from) =>
        Receipt(@case, from, MailSubjects.WithReference(@case.Reference, Subject), [],
            Body(@case, service, submission, trackingLink, from));

    /// <summary>
    /// The receipt for a case that arrived by e-mail: an answer to that mail, threaded on it. The sender's subject is
    /// echoed only in part, so a receipt is no use for carrying someone else's message.
    /// </summary>
    public static OutgoingMail ForEmail(Case @case, string? originalSubject, string? originalMessageId, string trackingLink, FunctionMailbox from) =>
        Receipt(@case, from, MailSubjects.Answer(@case.Reference, Echo(originalSubject), Subject),
            originalMessageId is null ? [] : [originalMessageId], Body(@case, null, null, trackingLink, from));

    public const int EchoedSubjectLength = 80;

    private static string? Echo(string? subject) =>
        subject is { Length: > EchoedSubjectLength } long_ ? long_[..EchoedSubjectLength].TrimEnd() + "…" : subject;

    private static OutgoingMail Receipt(Case @case, FunctionMailbox from, string subject, IReadOnlyList<string> references, string body)
    {
        var applicant = @case.Applicant ?? throw new InvalidOperationException($"Case {@case.Reference} has no applicant to send a receipt to.");
        return new OutgoingMail(@case.Id, OutgoingMail.ReceiptPurpose, new MailContact(from.Address, from.DisplayName),
            new MailContact(applicant.Email ?? throw new InvalidOperationException($"Case {@case.Reference} has no e-mail address."), applicant.Name),
            subject, body, references);
    }

    public static string Body(Case @case, ServiceDefinition? service, SubmissionRecord? submission, string trackingLink, FunctionMailbox from)
    {
        var sv = CultureInfo.GetCultureInfo("sv-SE");
        var received = TimeZoneInfo.ConvertTime(@case.CreatedAt, SwedishTime.Zone);
        var text = new StringBuilder();
        text.AppendLine($"Hej {@case.Applicant?.Name}!");
        text.AppendLine();
        text.AppendLine($"Tack! Vi har tagit emot ditt ärende {@case.Reference}.");
        text.AppendLine(@case.Channel == Channel.Email ? $"Ämne: {Echo(@case.Title)}" : $"E-tjänst: {@case.Title}");
        text.AppendLine($"Inkom: {received.ToString("d MMMM yyyy 'kl.' HH:mm", sv)}");
        text.AppendLine();
        text.AppendLine("Här kan du följa ditt ärende, läsa svar från oss och skicka kompletteringar:");
        text.AppendLine(trackingLink);
        text.AppendLine("Länken är personlig. Spara det här meddelandet och dela inte länken med andra.");
        if (service is not null && submission is not null)
        {
            text.AppendLine();
            text.AppendLine("Det här skickade du:");
            foreach (var line in SummaryLines(service, submission))
            {
                text.AppendLine(line);
            }
        }
        text.AppendLine();
        text.AppendLine($"Har du frågor? Svara på det här meddelandet, ring kundtjänst på 033-43 00 00 eller mejla {from.Address}.");
        text.AppendLine("Ange ärendenumret när du kontaktar oss.");
        text.AppendLine();
        text.AppendLine("Med vänliga hälsningar");
        text.AppendLine("Bollebygds kommun");
        return text.ToString();
    }

    /// <summary>"Label: value" for every answered field; identity numbers masked, files by name.</summary>
    public static IEnumerable<string> SummaryLines(ServiceDefinition service, SubmissionRecord submission)
    {
        foreach (var field in service.Fields.Where(f => f.TakesInput))
        {
            if (!submission.Values.TryGetValue(field.Name, out var value) || value is null)
            {
                continue;
            }
            var shown = Display(field, value, submission.Files);
            if (shown.Length > 0)
            {
                yield return $"{field.Label}: {shown}";
            }
        }
    }

    private static string Display(FormField field, object value, IReadOnlyList<Attachment> files)
    {
        string Option(string v) => field.Options?.FirstOrDefault(o => o.Value == v)?.Label ?? v;
        var text = value is System.Text.Json.JsonElement json ? JsonText(json) : value;
        return (field.Type, text) switch
        {
            (FieldType.Personnummer, string s) => s.Length == 12 ? s[..8] + "-****" : "****",
            (FieldType.Orgnummer, string s) => s.Length == 12 ? s[2..8] + "-" + s[8..] : s,
            (FieldType.Checkbox, bool b) => b ? "Ja" : "Nej",
            (FieldType.Checkbox, string s) => s == "true" ? "Ja" : "Nej",
            (FieldType.Select or FieldType.Radio, string s) => Option(s),
            (FieldType.Multiselect, IEnumerable<string> many) => string.Join(", ", many.Select(Option)),
            (FieldType.File, string id) => files.FirstOrDefault(f => f.Id == id)?.Name ?? "bifogad fil",
            (FieldType.Address, Address a) => a.ToString(),
            (FieldType.Address, Dictionary<string, string> parts) =>
                $"{parts.GetValueOrDefault("street")}, {parts.GetValueOrDefault("postalCode")} {parts.GetValueOrDefault("city")}",
            (_, decimal d) => d.ToString(CultureInfo.GetCultureInfo("sv-SE")),
            _ => text.ToString() ?? "",
        };
    }

    /// <summary>Values read back from the stored JSON document arrive as JsonElements.</summary>
    private static object JsonText(System.Text.Json.JsonElement json) => json.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => json.GetString()!,
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        System.Text.Json.JsonValueKind.Number => json.GetDecimal(),
        System.Text.Json.JsonValueKind.Array => json.EnumerateArray().Select(e => e.ToString()).ToList(),
        System.Text.Json.JsonValueKind.Object => json.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString()),
        _ => json.ToString(),
    };
}
