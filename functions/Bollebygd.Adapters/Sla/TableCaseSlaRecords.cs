using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Cases;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Sla;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Sla;

/// <summary>
/// A case's SLA record in the case's own partition (RowKey <c>sla</c>, apart from the case row so that the workflow's
/// writes never change the ETag a person edits against), and its clocks in the case's queue row.
/// </summary>
public sealed class TableCaseSlaRecords(StorageResources storage) : ICaseSlaRecords
{
    public const string SlaRow = "sla";

    public async Task SaveAsync(Case @case, CaseSlaRecord record, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cases, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(@case.Id, SlaRow)
        {
            ["Record"] = JsonSerializer.Serialize(record, JsonSerializerOptions.Web),
        }, TableUpdateMode.Replace, cancellationToken);
        var list = await storage.TableAsync(TableNames.CaseList, cancellationToken);
        try
        {
            // Only a row that is there: a closed or moved case must not come back into a queue through its SLA.
            await list.UpdateEntityAsync(new TableEntity(@case.Group, @case.Id)
            {
                [TableCaseStore.SlaColumn] = JsonSerializer.Serialize(record.Tracker, JsonSerializerOptions.Web),
            }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    public async Task<CaseSlaRecord?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cases, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseId, SlaRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("Record") is { } json
            ? JsonSerializer.Deserialize<CaseSlaRecord>(json, JsonSerializerOptions.Web)
            : null;
    }
}
