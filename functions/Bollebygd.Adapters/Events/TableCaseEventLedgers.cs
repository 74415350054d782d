using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Events;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Events;

/// <summary>
/// A case's event ledger in the case's own partition of <c>Cases</c> (RowKey <c>events</c>), apart from the case row;
/// added once, then replaced only over the ETag read, so two handlers of the same case never set it back.
/// </summary>
public sealed class TableCaseEventLedgers(StorageResources storage) : ICaseEventLedgers
{
    public const string EventsRow = "events";

    public async Task<(CaseEventLedger Ledger, string? Version)> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cases, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseId, EventsRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("Ledger") is { } json
            ? (JsonSerializer.Deserialize<CaseEventLedger>(json, JsonSerializerOptions.Web) ?? CaseEventLedger.Empty, row.Value.ETag.ToString())
            : (CaseEventLedger.Empty, null);
    }

    public async Task SaveAsync(string caseId, CaseEventLedger ledger, string? version, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Cases, cancellationToken);
        var entity = new TableEntity(caseId, EventsRow) { ["Ledger"] = JsonSerializer.Serialize(ledger, JsonSerializerOptions.Web) };
        try
        {
            if (version is null)
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(entity, new ETag(version), TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException($"The event ledger of case {caseId} was saved by another handler.");
        }
    }
}
