using Bollebygd.Core.Audit;

namespace Bollebygd.Core.Operations;

/// <summary>
/// The work of the durable probe's activity: stamps the time it ran and leaves an audit entry through the audit queue,
/// so one probe exercises the orchestration, the activity, the durable timer and the queue trigger behind the audit log.
/// </summary>
public sealed class DurableProbeRecorder(IAuditTrail auditTrail, TimeProvider time)
{
    public const string AuditAction = "durable-probe";

    public async Task<DateTimeOffset> RecordAsync(DurableProbeStep step, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entry = new AuditEntry(
            Id: $"{step.InstanceId}-{step.Step}",
            OccurredAt: now,
            Actor: step.RequestedBy,
            Action: AuditAction,
            Subject: step.InstanceId,
            Detail: step.Step);
        await auditTrail.RecordAsync(entry, cancellationToken);
        return now;
    }
}
