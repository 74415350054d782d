using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Cases;

/// <summary>Tracking-token hashes (PartitionKey) and the case each opens.</summary>
public sealed class TableTrackingLinks(StorageResources storage) : ITrackingLinks
{
    private const string Row = "link";

    public async Task AddAsync(string tokenHash, string caseId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.TrackingLinks, cancellationToken);
        await table.AddEntityAsync(new TableEntity(tokenHash, Row) { ["CaseId"] = caseId }, cancellationToken);
    }

    public async Task<string?> FindCaseIdAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.TrackingLinks, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(tokenHash, Row, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value?.GetString("CaseId") : null;
    }
}
