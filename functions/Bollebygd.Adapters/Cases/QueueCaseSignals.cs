using Bollebygd.Adapters.Events;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bollebygd.Adapters.Cases;

/// <summary>
/// A changed case's id on the <c>case-changed</c> queue (its SLA workflow), and on <c>case-events</c> too when a
/// case-events bus is configured (its integration events).
/// </summary>
public sealed class QueueCaseSignals(StorageResources storage, IOptions<CaseEventsOptions> events) : ICaseSignals
{
    public async Task ChangedAsync(string caseId, CancellationToken cancellationToken)
    {
        await storage.EnqueueJsonAsync(QueueNames.CaseChanged, new CaseChanged(caseId), null, cancellationToken);
        if (events.Value.Enabled)
        {
            await storage.EnqueueJsonAsync(QueueNames.CaseEvents, new CaseChanged(caseId), null, cancellationToken);
        }
    }
}
