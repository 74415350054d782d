using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Mail;

/// <summary>
/// Receipts per sender and clock hour in Table storage: PartitionKey a SHA-256 of the address (no address is stored),
/// RowKey the hour; the count rises under an ETag, so two handlers never both take the last receipt.
/// </summary>
public sealed class TableReceiptAllowance(StorageResources storage) : IReceiptAllowance
{
    public async Task<bool> TryTakeAsync(string address, DateTimeOffset now, int perHour, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ReceiptAllowances, cancellationToken);
        var sender = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant())));
        var hour = now.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(sender, hour, cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue)
                {
                    await table.AddEntityAsync(new TableEntity(sender, hour) { ["Count"] = 1 }, cancellationToken);
                    return true;
                }
                var count = existing.Value!.GetInt32("Count") ?? 0;
                if (count >= perHour)
                {
                    return false;
                }
                existing.Value["Count"] = count + 1;
                await table.UpdateEntityAsync(existing.Value, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another handler counted at the same moment: read again.
            }
        }
        return false;
    }
}
