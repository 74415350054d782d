using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Routing;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Routing;

/// <summary>Labelled cases in <c>RoutingExamples</c> (PartitionKey <c>example</c>, RowKey the case id: the latest label wins).</summary>
public sealed class TableRoutingExamples(StorageResources storage) : IRoutingExamples
{
    private const string Partition = "example";

    public async Task RecordAsync(string caseId, RoutingExample example, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.RoutingExamples, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, caseId) { ["Text"] = example.Text, ["GroupId"] = example.GroupId },
            TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<RoutingExample>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.RoutingExamples, cancellationToken);
        var examples = new List<RoutingExample>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            examples.Add(new RoutingExample(row.GetString("Text") ?? "", row.GetString("GroupId") ?? ""));
        }
        return examples;
    }
}
