using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Cases;

/// <summary>
/// Cases in Table storage; each change is one entity-group transaction within the case's partition. The reference
/// index (<c>CaseReferenceIndex</c>, PartitionKey the reference) is written before the case, so every stored case can
/// be found by its reference; an index row whose case never came is harmless, as a lookup reads the case itself.
/// </summary>
public sealed class TableCaseStore(StorageResources storage) : ICaseStore
{
    private const string IndexRow = "case";

    public async Task CreateAsync(Case @case, IReadOnlyList<TimelineEntry> timeline, CancellationToken cancellationToken)
    {
        var index = await storage.TableAsync(TableNames.CaseReferenceIndex, cancellationToken);
        await index.UpsertEntityAsync(new TableEntity(@case.Reference.ToString(), IndexRow) { ["CaseId"] = @case.Id },
            TableUpdateMode.Replace, cancellationToken);
        var table = await storage.TableAsync(TableNames.Cases, cancellationToken);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, CaseEntityMapper.ToEntity(@case)) };
        actions.AddRange(timeline.Select(e => new TableTransactionAction(TableTransactionActionType.Add, CaseEntityMapper.ToEntity(@case.Id, e))));
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // Created already by an earlier attempt for the same submission.
        }
    }

    public async Task<CaseRecord?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cases, cancellationToken);
        Case? found = null;
        var timeline = new List<TimelineEntry>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == caseId, cancellationToken: cancellationToken))
        {
            if (entity.RowKey == CaseEntityMapper.CaseRow)
            {
                found = CaseEntityMapper.ToCase(entity);
            }
            else if (entity.RowKey.StartsWith(CaseEntityMapper.EntryRowPrefix, StringComparison.Ordinal))
            {
                timeline.Add(CaseEntityMapper.ToEntry(entity));
            }
        }
        return found is null ? null : new CaseRecord(found, timeline.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).ToList());
    }

    public async Task<CaseRecord?> FindByReferenceAsync(CaseReference reference, CancellationToken cancellationToken)
    {
        var index = await storage.TableAsync(TableNames.CaseReferenceIndex, cancellationToken);
        var row = await index.GetEntityIfExistsAsync<TableEntity>(reference.ToString(), IndexRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("CaseId") is { } caseId ? await GetAsync(caseId, cancellationToken) : null;
    }

    public async Task<bool> AppendAsync(Case @case, TimelineEntry entry, CaseStatus? newStatus, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cases, cancellationToken);
        // The case row is touched in every change, so its ETag guards the whole partition against lost updates.
        var caseUpdate = new TableEntity(@case.Id, CaseEntityMapper.CaseRow) { ["UpdatedAt"] = entry.At };
        if (newStatus is { } status)
        {
            caseUpdate["Status"] = status.ToString();
        }
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, CaseEntityMapper.ToEntity(@case.Id, entry)),
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, caseUpdate, CaseEntityMapper.ETagOf(@case)),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 || ex.FailedTransactionActionIndex == 0 && ex.Status == 409)
        {
            return false;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 412)
        {
            throw new ConcurrencyConflictException($"Case {@case.Reference} was changed by someone else.");
        }
    }
}
