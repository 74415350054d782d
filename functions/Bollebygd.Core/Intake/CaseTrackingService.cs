using Bollebygd.Core.Cases;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Intake;

/// <summary>
/// The citizen's side of a case through the private tracking link: read the public timeline, answer or send a
/// complement with files. A complement to a case that waits for one moves it to Kompletterad.
/// </summary>
public sealed class CaseTrackingService(
    ITrackingLinks links,
    ICaseStore cases,
    IUploadStore uploads,
    TimeProvider time,
    ILogger<CaseTrackingService> logger)
{
    public const int MaxTextLength = 4000;
    public const int MaxFiles = 10;
    public const string TextMissing = "Skriv ett meddelande eller bifoga en fil.";
    public const string TextTooLong = "Meddelandet får vara högst 4000 tecken.";
    public const string TooManyFiles = "Du kan bifoga högst 10 filer i ett meddelande.";
    public const string FileMissing = "En av filerna kunde inte hittas. Ladda upp den igen.";

    public async Task<CaseView?> GetAsync(string token, CancellationToken cancellationToken)
    {
        var record = await FindAsync(token, cancellationToken);
        return record is null ? null : View(record);
    }

    public async Task<CitizenReplyOutcome> ReplyAsync(string token, string? text, IReadOnlyList<string> fileIds, CancellationToken cancellationToken)
    {
        var record = await FindAsync(token, cancellationToken);
        if (record is null)
        {
            return new CitizenReplyOutcome.NotFound();
        }
        text = text?.Trim() ?? "";
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (text.Length == 0 && fileIds.Count == 0)
        {
            errors["text"] = [TextMissing];
        }
        if (text.Length > MaxTextLength)
        {
            errors["text"] = [TextTooLong];
        }
        var files = new List<Attachment>();
        if (fileIds.Count > MaxFiles)
        {
            errors["files"] = [TooManyFiles];
        }
        else
        {
            foreach (var id in fileIds.Where(id => id is not null).Distinct())
            {
                if (await uploads.FindAsync(id, cancellationToken) is { } file)
                {
                    files.Add(file);
                }
                else
                {
                    errors["files"] = [FileMissing];
                }
            }
        }
        if (files.Sum(f => f.Size) > UploadPolicy.MaxSubmissionBytes)
        {
            errors["files"] = [UploadPolicy.SubmissionTooLarge];
        }
        if (errors.Count > 0)
        {
            return new CitizenReplyOutcome.Invalid(errors);
        }

        var entry = new TimelineEntry(
            "m" + Guid.NewGuid().ToString("N"), time.GetUtcNow(), TimelineEntryKind.CitizenMessage, "citizen", text, files);
        for (var attempt = 0; ; attempt++)
        {
            if (!record.Case.CitizenCanReply)
            {
                return new CitizenReplyOutcome.Closed();
            }
            var newStatus = record.Case.Status == CaseStatus.AwaitingCitizen ? CaseStatus.Complemented : (CaseStatus?)null;
            try
            {
                await cases.AppendAsync(record.Case, entry, newStatus, cancellationToken);
                logger.LogInformation("Citizen wrote on {CaseReference} with {FileCount} file(s)", record.Case.Reference.ToString(), files.Count);
                return new CitizenReplyOutcome.Accepted(CitizenStatus.Of(newStatus ?? record.Case.Status));
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                record = (await cases.GetAsync(record.Case.Id, cancellationToken))!;
            }
        }
    }

    private async Task<CaseRecord?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!TrackingToken.LooksValid(token))
        {
            return null;
        }
        var caseId = await links.FindCaseIdAsync(TrackingToken.Hash(token), cancellationToken);
        return caseId is null ? null : await cases.GetAsync(caseId, cancellationToken);
    }

    private static CaseView View(CaseRecord record) => new(
        record.Case.Reference.ToString(),
        new CaseViewService(record.Case.ServiceId, record.Case.Title),
        record.Case.CitizenStatus,
        record.Case.CreatedAt,
        record.Case.CitizenCanReply,
        record.Timeline.Where(e => e.IsPublic).Select(e => new CaseViewMessage(
            e.Id,
            e.At,
            e.Kind == TimelineEntryKind.MunicipalityMessage ? CaseViewMessage.FromMunicipality : CaseViewMessage.FromCitizen,
            e.Text,
            e.Attachments.Select(a => new CaseViewAttachment(a.Id, a.Name, a.Size)).ToList())).ToList());
}
