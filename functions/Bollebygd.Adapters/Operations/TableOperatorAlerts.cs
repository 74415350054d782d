using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Operations;
using Bollebygd.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Adapters.Operations;

/// <summary>
/// Operator alerts in Table storage: partition <c>open</c>, RowKey the alert's source. Every raised alert is also
/// logged as an error starting "Operator alert", which the Azure Monitor alert rules look for (infra/modules/alerts.bicep).
/// </summary>
public sealed class TableOperatorAlerts(StorageResources storage, ILogger<TableOperatorAlerts> logger) : IOperatorAlerts
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
        logger.LogError("Operator alert {AlertKind} from {AlertSource} ({AlertCount} since {FirstSeen}): {AlertMessage}",
            alert.Kind, alert.Source, alert.Count, alert.FirstSeen, alert.Message);
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
