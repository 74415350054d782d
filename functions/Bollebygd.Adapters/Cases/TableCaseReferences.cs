using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Cases;

/// <summary>
/// Case references from a counter entity per year (PartitionKey <c>KC</c>, RowKey the year). Each allocation is one
/// entity-group transaction: the counter is replaced if its ETag still matches and an allocation row
/// (<c>{year}-{hash of the key}</c>) records which serial the key got. So serials are handed out once and in order
/// however many requests race, and a retry with the same key reads its serial back instead of taking a new one.
/// </summary>
public sealed class TableCaseReferences(StorageResources storage) : ICaseReferences
{
    private const string Partition = "KC";
    private const string NextProperty = "Next";
    private const string SerialProperty = "Serial";

    public async Task<CaseReference> NextAsync(int year, string allocationKey, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.CaseCounters, cancellationToken);
        var counterKey = year.ToString(CultureInfo.InvariantCulture);
        var allocationRow = $"{counterKey}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(allocationKey)))}";
        for (var attempt = 0; ; attempt++)
        {
            var allocated = await table.GetEntityIfExistsAsync<TableEntity>(Partition, allocationRow, cancellationToken: cancellationToken);
            if (allocated.HasValue && allocated.Value?.GetInt32(SerialProperty) is { } earlier)
            {
                return new CaseReference(year, earlier);
            }

            var counter = await table.GetEntityIfExistsAsync<TableEntity>(Partition, counterKey, cancellationToken: cancellationToken);
            var serial = counter.HasValue ? counter.Value!.GetInt32(NextProperty) ?? 1 : 1;
            if (serial > CaseReference.MaxSerial)
            {
                throw new InvalidOperationException($"All {CaseReference.MaxSerial} case references of {year} are used.");
            }
            var next = new TableEntity(Partition, counterKey) { [NextProperty] = serial + 1 };
            var counterAction = counter.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, counter.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, next);
            try
            {
                await table.SubmitTransactionAsync(
                [
                    counterAction,
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition, allocationRow) { [SerialProperty] = serial }),
                ], cancellationToken);
                return new CaseReference(year, serial);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another request took this serial (or allocated for the same key); back off a little and read again.
                await Task.Delay(Random.Shared.Next(5, 20 + Math.Min(attempt, 20) * 10), cancellationToken);
            }
        }
    }
}
