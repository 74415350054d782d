using Bollebygd.Core.Audit;
using Bollebygd.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Audit;

/// <summary>
/// Appends entries from the <c>audit</c> queue to the audit log. An entry that can never be stored throws, so after
/// maxDequeueCount tries its message lands in <c>audit-poison</c> and the poison monitor alerts an operator.
/// </summary>
public sealed class AuditLogWriter(AuditRecorder recorder)
{
    public const string Name = "AuditLogWriter";

    [Function(Name)]
    public Task Run([QueueTrigger(QueueNames.Audit)] AuditEntry entry, CancellationToken cancellationToken) =>
        recorder.AppendAsync(entry, cancellationToken);
}
