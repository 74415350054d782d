using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Audit;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Audit;

/// <summary>
/// The audit log in Table storage: one partition per day (<c>yyyyMMdd</c>, UTC), RowKey the entry id. Entries are
/// only ever added, never updated, so a redelivered message meets a 409 and is reported as already stored. A copy
/// keyed by subject (<c>AuditBySubject</c>: PartitionKey the subject, RowKey time and id) answers "what happened to
/// this case"; it is written after the day's row, and a redelivery completes it.
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
        bool added;
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            added = true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            added = false;
        }
        var bySubject = await storage.TableAsync(TableNames.AuditBySubject, cancellationToken);
        var copy = new TableEntity(entity) { PartitionKey = entry.Subject, RowKey = SubjectRow(entry) };
        await bySubject.UpsertEntityAsync(copy, TableUpdateMode.Replace, cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<AuditEntry>> ListBySubjectAsync(string subject, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.AuditBySubject, cancellationToken);
        var entries = new List<AuditEntry>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == subject, cancellationToken: cancellationToken))
        {
            entries.Add(ToEntry(e, e.RowKey[(e.RowKey.IndexOf('-') + 1)..]));
        }
        return entries;
    }

    private static string SubjectRow(AuditEntry entry) =>
        entry.OccurredAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + entry.Id;

    private static AuditEntry ToEntry(TableEntity e, string id) => new(
        id,
        e.GetDateTimeOffset("OccurredAt") ?? default,
        e.GetString("Actor"),
        e.GetString("Action"),
        e.GetString("Subject"),
        e.GetString("Detail"));

    public async Task<AuditEntry?> FindAsync(DateTimeOffset occurredAt, string id, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.AuditLog, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(occurredAt), id, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } e)
        {
            return null;
        }
        return ToEntry(e, e.RowKey);
    }

    public static string PartitionOf(DateTimeOffset occurredAt) =>
        occurredAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
