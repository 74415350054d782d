using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Audit;

/// <summary>Appends audit entries arriving from the queue. Idempotent: a redelivered entry is stored once.</summary>
public sealed class AuditRecorder(IAuditLog log, ILogger<AuditRecorder> logger)
{
    public async Task<bool> AppendAsync(AuditEntry? entry, CancellationToken cancellationToken)
    {
        if (entry is null)
        {
            throw new InvalidAuditEntryException(["The message holds no audit entry."]);
        }
        var errors = entry.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidAuditEntryException(errors);
        }

        var added = await log.AppendAsync(entry, cancellationToken);
        if (added)
        {
            logger.LogInformation("Audit {AuditId}: {Actor} {Action} {Subject}", entry.Id, entry.Actor, entry.Action, entry.Subject);
        }
        else
        {
            logger.LogInformation("Audit {AuditId} was already stored; redelivery ignored", entry.Id);
        }
        return added;
    }
}
