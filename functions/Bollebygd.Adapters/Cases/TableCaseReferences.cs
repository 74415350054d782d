using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Cases;

/// <summary>
/// Case references from a counter entity per year (PartitionKey <c>KC</c>, RowKey the year) with optimistic
/// concurrency: read, increment, replace if the ETag still matches, else read again. Every serial is handed out
/// once, in order, so there are neither gaps nor duplicates however many requests race.
/// </summary>
public sealed class TableCaseReferences(StorageResources storage) : ICaseReferences
{
    private const string Partition = "KC";
    private const string NextProperty = "Next";

    public async Task<CaseReference> NextAsync(int year, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.CaseCounters, cancellationToken);
        var rowKey = year.ToString(CultureInfo.InvariantCulture);
        for (var attempt = 0; ; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue || existing.Value is null)
                {
                    await table.AddEntityAsync(new TableEntity(Partition, rowKey) { [NextProperty] = 2 }, cancellationToken);
                    return new CaseReference(year, 1);
                }
                var counter = existing.Value;
                var serial = counter.GetInt32(NextProperty) ?? 1;
                if (serial > CaseReference.MaxSerial)
                {
                    throw new InvalidOperationException($"All {CaseReference.MaxSerial} case references of {year} are used.");
                }
                counter[NextProperty] = serial + 1;
                await table.UpdateEntityAsync(counter, counter.ETag, TableUpdateMode.Replace, cancellationToken);
                return new CaseReference(year, serial);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another request took this serial; back off a little (more each time) and read again.
                await Task.Delay(Random.Shared.Next(5, 20 + Math.Min(attempt, 20) * 10), cancellationToken);
            }
        }
    }
}
