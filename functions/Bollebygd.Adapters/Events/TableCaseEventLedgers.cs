using System.Text.Json;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Events;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Events;

/// <summary>A case's event ledger in the case's own partition of <c>Cases</c> (RowKey <c>events</c>), apart from the case row.</summary>
public sealed class TableCaseEventLedgers(StorageResources storage) : ICaseEventLedgers
{
    public const string EventsRow = "events";

    public async Task<CaseEventLedger> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cases, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseId, EventsRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("Ledger") is { } json
            ? JsonSerializer.Deserialize<CaseEventLedger>(json, JsonSerializerOptions.Web) ?? CaseEventLedger.Empty
            : CaseEventLedger.Empty;
    }

    public async Task SaveAsync(string caseId, CaseEventLedger ledger, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cases, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(caseId, EventsRow)
        {
            ["Ledger"] = JsonSerializer.Serialize(ledger, JsonSerializerOptions.Web),
        }, TableUpdateMode.Replace, cancellationToken);
    }
}
