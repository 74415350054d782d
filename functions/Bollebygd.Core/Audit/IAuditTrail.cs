namespace Bollebygd.Core.Audit;

/// <summary>Port: hands an audit entry over for durable, asynchronous appending (a queue in production).</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
}
