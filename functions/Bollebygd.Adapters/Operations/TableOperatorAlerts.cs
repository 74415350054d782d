using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Operations;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Operations;

/// <summary>Operator alerts in Table storage: partition <c>open</c>, RowKey the alert's source.</summary>
public sealed class TableOperatorAlerts(StorageResources storage) : IOperatorAlerts
{
    private const string OpenPartition = "open";

    public async Task<IReadOnlyList<OperatorAlert>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.OperatorAlerts, cancellationToken);
        var alerts = new List<OperatorAlert>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == OpenPartition, cancellationToken: cancellationToken))
        {
            alerts.Add(new OperatorAlert(
                e.RowKey,
                e.GetString("Kind"),
                e.GetString("Message"),
                e.GetInt32("Count") ?? 0,
                e.GetDateTimeOffset("FirstSeen") ?? default,
                e.GetDateTimeOffset("LastSeen") ?? default));
        }
        return alerts;
    }

    public async Task RaiseAsync(OperatorAlert alert, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.OperatorAlerts, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(OpenPartition, alert.Source)
        {
            ["Kind"] = alert.Kind,
            ["Message"] = alert.Message,
            ["Count"] = alert.Count,
            ["FirstSeen"] = alert.FirstSeen,
            ["LastSeen"] = alert.LastSeen,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task ResolveAsync(string source, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.OperatorAlerts, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(OpenPartition, source, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already resolved.
        }
    }
}
