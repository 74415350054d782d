using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Intake;

/// <summary>Submission claims in Table storage: PartitionKey the submission id; an insert decides who claims it.</summary>
public sealed class TableSubmissionClaims(StorageResources storage) : ISubmissionClaims
{
    private const string Row = "claim";

    public async Task<SubmissionClaim> ClaimAsync(string submissionId, string serviceId, string caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.SubmissionClaims, cancellationToken);
        var entity = new TableEntity(submissionId, Row) { ["ServiceId"] = serviceId, ["CaseId"] = caseId, ["ClaimedAt"] = now, ["Completed"] = false };
        try
        {
            var added = await table.AddEntityAsync(entity, cancellationToken);
            return new SubmissionClaim(submissionId, serviceId, caseId, null, false, now, true, added.Headers.ETag?.ToString() ?? "");
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await table.GetEntityAsync<TableEntity>(submissionId, Row, cancellationToken: cancellationToken);
            return ToClaim(existing.Value);
        }
    }

    public async Task<SubmissionClaim?> FindAsync(string submissionId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.SubmissionClaims, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(submissionId, Row, cancellationToken: cancellationToken);
        return found.HasValue ? ToClaim(found.Value!) : null;
    }

    public async Task<SubmissionClaim> UpdateAsync(SubmissionClaim claim, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.SubmissionClaims, cancellationToken);
        var entity = new TableEntity(claim.SubmissionId, Row)
        {
            ["ServiceId"] = claim.ServiceId,
            ["CaseId"] = claim.CaseId,
            ["ClaimedAt"] = claim.ClaimedAt,
            ["Completed"] = claim.Completed,
            ["Reference"] = claim.Reference?.ToString(),
        };
        try
        {
            var updated = await table.UpdateEntityAsync(entity, new ETag(claim.ETag), TableUpdateMode.Replace, cancellationToken);
            return claim with { ETag = updated.Headers.ETag?.ToString() ?? "", ClaimedNow = false };
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new ConcurrencyConflictException($"Submission {claim.SubmissionId} was taken over by another request.");
        }
    }

    private static SubmissionClaim ToClaim(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("ServiceId") ?? "",
        e.GetString("CaseId"),
        CaseReference.TryParse(e.GetString("Reference"), out var reference) ? reference : null,
        e.GetBoolean("Completed") ?? false,
        e.GetDateTimeOffset("ClaimedAt") ?? default,
        false,
        e.ETag.ToString());
}
