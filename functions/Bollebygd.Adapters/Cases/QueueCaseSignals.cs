using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Cases;

/// <summary>Signals a changed case on the <c>case-changed</c> queue, which the SLA workflow's trigger reads.</summary>
public sealed class QueueCaseSignals(StorageResources storage) : ICaseSignals
{
    public Task ChangedAsync(string caseId, CancellationToken cancellationToken) =>
        storage.EnqueueJsonAsync(QueueNames.CaseChanged, new CaseChanged(caseId), null, cancellationToken);
}
