using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Sla;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Cases;

/// <summary>
/// Cases in Table storage; each change is one entity-group transaction within the case's partition. The reference
/// index (<c>CaseReferenceIndex</c>, PartitionKey the reference) is written before the case, so every stored case can
/// be found by its reference; an index row whose case never came is harmless, as a lookup reads the case itself.
/// </summary>
/// <remarks>
/// The list index (<c>CaseList</c>: PartitionKey the group, RowKey the case id) is written after each change of the
/// case: it is derived, read by the queues, and an open case missing from it is put back by its next change or by the
/// SLA reconciliation. Its <c>Sla</c> column belongs to the SLA workflow and is merged, never replaced, from here.
/// Every stored change is then signalled (<see cref="ICaseSignals"/>), so the case's SLA workflow looks at it again.
/// </remarks>
public sealed class TableCaseStore(StorageResources storage, ICaseSignals signals) : ICaseStore, ICaseLists
{
    public const string SlaColumn = "Sla";

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
            await signals.ChangedAsync(@case.Id, cancellationToken);
            await IndexAsync(null, @case, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // Created already by an earlier attempt: index the case as it was stored, not as this attempt made it.
            if ((await GetAsync(@case.Id, cancellationToken))?.Case is { } stored)
            {
                await signals.ChangedAsync(stored.Id, cancellationToken);
                await IndexAsync(null, stored, cancellationToken);
            }
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
            await signals.ChangedAsync(@case.Id, cancellationToken);
            if (newStatus is { } changed && changed != @case.Status)
            {
                await IndexAsync(@case, @case with { Status = changed }, cancellationToken);
            }
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 || ex.FailedTransactionActionIndex == 0 && ex.Status == 409)
        {
            // Stored by an earlier attempt, which may have died before it said so.
            await signals.ChangedAsync(@case.Id, cancellationToken);
            return false;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 412)
        {
            throw new ConcurrencyConflictException($"Case {@case.Reference} was changed by someone else.");
        }
    }

    public async Task<Case> UpdateAsync(Case before, Case changed, TimelineEntry entry, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cases, cancellationToken);
        var row = CaseEntityMapper.ToEntity(changed);
        row["UpdatedAt"] = entry.At;
        try
        {
            var response = await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, CaseEntityMapper.ToEntity(changed.Id, entry)),
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, CaseEntityMapper.ETagOf(before)),
            ], cancellationToken);
            var stored = changed with { ETag = response.Value[1].Headers.ETag?.ToString() };
            await signals.ChangedAsync(stored.Id, cancellationToken);
            await IndexAsync(before, stored, cancellationToken);
            return stored;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
        {
            throw new ConcurrencyConflictException($"Case {before.Reference} was changed by someone else.");
        }
    }

    public async Task<IReadOnlyList<CaseSummary>> OpenInGroupAsync(string group, CancellationToken cancellationToken)
    {
        var list = await storage.TableAsync(TableNames.CaseList, cancellationToken);
        var summaries = new List<CaseSummary>();
        await foreach (var row in list.QueryAsync<TableEntity>(e => e.PartitionKey == group, cancellationToken: cancellationToken))
        {
            if (row.GetString("Summary") is { } json && JsonSerializer.Deserialize<CaseSummary>(json, JsonSerializerOptions.Web) is { } summary)
            {
                var sla = row.GetString(SlaColumn) is { } slaJson ? JsonSerializer.Deserialize<SlaTrackerState>(slaJson, JsonSerializerOptions.Web) : null;
                summaries.Add(summary with { Sla = sla });
            }
        }
        return summaries;
    }

    public async IAsyncEnumerable<Case> AllOpenAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cases, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {CaseEntityMapper.CaseRow} and Status ne {nameof(CaseStatus.Closed)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return CaseEntityMapper.ToCase(entity);
        }
    }

    public Task ReindexAsync(Case @case, CancellationToken cancellationToken) => IndexAsync(null, @case, cancellationToken);

    /// <summary>Keeps the list index in step: an open case is in its group's partition, a closed or moved one is not.</summary>
    private async Task IndexAsync(Case? before, Case after, CancellationToken cancellationToken)
    {
        var list = await storage.TableAsync(TableNames.CaseList, cancellationToken);
        if (before is not null && before.Group != after.Group)
        {
            await list.DeleteEntityAsync(before.Group, before.Id, ETag.All, cancellationToken);
        }
        if (after.IsOpen && after.MergedInto is null)
        {
            // Merged, so the SLA column written beside the summary stays.
            await list.UpsertEntityAsync(new TableEntity(after.Group, after.Id)
            {
                ["Summary"] = JsonSerializer.Serialize(CaseSummary.Of(after), JsonSerializerOptions.Web),
            }, TableUpdateMode.Merge, cancellationToken);
        }
        else
        {
            await list.DeleteEntityAsync(after.Group, after.Id, ETag.All, cancellationToken);
        }
    }
}
