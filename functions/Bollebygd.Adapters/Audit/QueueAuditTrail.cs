using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Audit;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Audit;

/// <summary>Puts audit entries on the <c>audit</c> queue; <c>AuditLogWriter</c> appends them to the log.</summary>
public sealed class QueueAuditTrail(StorageResources storage) : IAuditTrail
{
    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        storage.EnqueueJsonAsync(QueueNames.Audit, entry, null, cancellationToken);
}
