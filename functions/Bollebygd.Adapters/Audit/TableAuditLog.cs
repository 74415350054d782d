using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Audit;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Audit;

/// <summary>
/// The audit log in Table storage: one partition per day (<c>yyyyMMdd</c>, UTC), RowKey the entry id. Entries are
/// only ever added, never updated, so a redelivered message meets a 409 and is reported as already stored.
/// </summary>
public sealed class TableAuditLog(StorageResources storage) : IAuditLog
{
    public async Task<bool> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.AuditLog, cancellationToken);
        var entity = new TableEntity(PartitionOf(entry.OccurredAt), entry.Id)
        {
            ["OccurredAt"] = entry.OccurredAt,
            ["Actor"] = entry.Actor,
            ["Action"] = entry.Action,
            ["Subject"] = entry.Subject,
            ["Detail"] = entry.Detail,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<AuditEntry?> FindAsync(DateTimeOffset occurredAt, string id, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.AuditLog, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(occurredAt), id, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } e)
        {
            return null;
        }
        return new AuditEntry(
            e.RowKey,
            e.GetDateTimeOffset("OccurredAt") ?? default,
            e.GetString("Actor"),
            e.GetString("Action"),
            e.GetString("Subject"),
            e.GetString("Detail"));
    }

    public static string PartitionOf(DateTimeOffset occurredAt) =>
        occurredAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
