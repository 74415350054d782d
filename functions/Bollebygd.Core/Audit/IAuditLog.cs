namespace Bollebygd.Core.Audit;

/// <summary>Port: the append-only audit log itself.</summary>
public interface IAuditLog
{
    /// <summary>Appends the entry; returns false when an entry with the same id was already there.</summary>
    Task<bool> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<AuditEntry?> FindAsync(DateTimeOffset occurredAt, string id, CancellationToken cancellationToken);

    /// <summary>Everything recorded about one subject (a case id), oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListBySubjectAsync(string subject, CancellationToken cancellationToken);
}
