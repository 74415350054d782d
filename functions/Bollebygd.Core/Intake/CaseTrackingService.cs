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
        var content = await MessageContent.ReadAsync(uploads, text, fileIds, cancellationToken);
        if (!content.IsValid)
        {
            return new CitizenReplyOutcome.Invalid(content.Errors);
        }
        var (files, body) = (content.Files, content.Text);

        var entry = new TimelineEntry(
            "m" + Guid.NewGuid().ToString("N"), time.GetUtcNow(), TimelineEntryKind.CitizenMessage, "citizen", body, files);
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
