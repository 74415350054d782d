using System.Globalization;
using System.Text;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Catalog;
using Bollebygd.Core.Forms;
using Bollebygd.Core.Mail;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Intake;

/// <summary>
/// Sends the mottagningskvittens: the case reference, what was sent (personnummer masked), and the private tracking
/// link. Idempotent: the timeline entry <c>receipt</c> records that it went out, and a repeated request sends nothing.
/// </summary>
public sealed class ReceiptService(
    ICaseStore cases,
    ISubmissionArchive archive,
    ServiceCatalog catalog,
    IMailSender mail,
    PublicLinks links,
    TimeProvider time,
    ILogger<ReceiptService> logger)
{
    public const string EntryId = "receipt";

    public async Task SendAsync(ReceiptRequest request, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(request.CaseId, cancellationToken)
            ?? throw new InvalidOperationException($"Case {request.CaseId} does not exist.");
        if (record.Timeline.Any(e => e.Id == EntryId))
        {
            logger.LogInformation("Receipt for {CaseReference} was already sent", record.Case.Reference.ToString());
            return;
        }
        var applicant = record.Case.Applicant;
        if (applicant?.Email is not { Length: > 0 } email)
        {
            logger.LogWarning("Case {CaseReference} has no e-mail address; no receipt sent", record.Case.Reference.ToString());
            return;
        }
        var submission = await archive.GetAsync(request.CaseId, cancellationToken);
        var service = record.Case.ServiceId is { } id ? catalog.Find(id) : null;

        var reference = record.Case.Reference.ToString();
        await mail.SendAsync(new OutgoingMail(
            email,
            applicant.Name,
            $"Vi har tagit emot ditt ärende {reference}",
            Body(record.Case, service, submission, links.Tracking(request.TrackingToken)),
            MessageIds.For(EntryId, record.Case.Id)), cancellationToken);

        var entry = new TimelineEntry(EntryId, time.GetUtcNow(), TimelineEntryKind.Event, "system",
            "Mottagningskvittens skickad med e-post.", []);
        await AppendWithRetryAsync(record.Case, entry, cancellationToken);
        logger.LogInformation("Receipt for {CaseReference} sent", reference);
    }

    private async Task AppendWithRetryAsync(Case @case, TimelineEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await cases.AppendAsync(@case, entry, null, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                @case = (await cases.GetAsync(@case.Id, cancellationToken))!.Case;
            }
        }
    }

    public static string Body(Case @case, ServiceDefinition? service, SubmissionRecord? submission, string trackingLink)
    {
        var sv = CultureInfo.GetCultureInfo("sv-SE");
        var received = TimeZoneInfo.ConvertTime(@case.CreatedAt, SwedishTime.Zone);
        var text = new StringBuilder();
        text.AppendLine($"Hej {@case.Applicant?.Name}!");
        text.AppendLine();
        text.AppendLine($"Tack! Vi har tagit emot ditt ärende {@case.Reference}.");
        text.AppendLine($"E-tjänst: {@case.Title}");
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
        text.AppendLine("Har du frågor? Svara på det här meddelandet, ring kundtjänst på 033-43 00 00 eller mejla kommunen@bollebygd.se.");
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
