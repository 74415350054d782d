using Bollebygd.Core.Cases;
using Bollebygd.Core.Operations;
using Bollebygd.Core.Remiss;
using Bollebygd.Functions.Remiss;
using Bollebygd.Core.Sla;
using Bollebygd.Core.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Functions.Sla;

/// <summary>
/// The SLA workflows' triggers: every stored case change (the <c>case-changed</c> queue) reaches the case's workflow,
/// and the reconciliation (schedule in <c>SlaReconciliationSchedule</c>) starts any that is missing and ends those of
/// closed cases — and starts the workflow of any remiss still waiting for its answer that has none, and queues again
/// any Platina registration or EDP request that has stalled (<see cref="OutboxSweeper"/>).
/// </summary>
public sealed class SlaFunctions(CaseSlaInstances instances, SlaReconciler reconciler, IRemisser remisser, OutboxSweeper outboxes,
    ILogger<SlaFunctions> logger)
{
    public const string ChangedName = "SlaCaseChanged";
    public const string ReconcileName = "SlaReconciliation";
    public const string ReconcileScheduleSetting = "SlaReconciliationSchedule";

    [Function(ChangedName)]
    public Task Changed([QueueTrigger(QueueNames.CaseChanged)] CaseChanged message, [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        instances.SignalAsync(durable, message.CaseId, cancellationToken);

    [Function(ReconcileName)]
    public async Task Reconcile([TimerTrigger("%" + ReconcileScheduleSetting + "%")] TimerInfo timer, [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var result = await ReconcileAsync(durable, cancellationToken);
        logger.LogInformation("SLA reconciliation: {Open} open cases, {Started} workflows started, {Ended} ended, {Remisser} remiss workflows started, "
            + "{Requeued} stalled outbox requests queued again",
            result.OpenCases, result.Started.Count, result.Ended.Count, result.RemisserStarted?.Count ?? 0, result.OutboxesRequeued?.Count ?? 0);
    }

    public async Task<SlaReconciliation> ReconcileAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var result = await reconciler.ReconcileAsync(await CaseSlaInstances.RunningAsync(durable, cancellationToken), cancellationToken);
        var remisserStarted = new List<string>();
        await foreach (var remiss in remisser.WaitingAsync(cancellationToken))
        {
            if (await RemissFunctions.StartAsync(durable, remiss, cancellationToken))
            {
                remisserStarted.Add(remiss.InstanceId);
            }
        }
        return result with { RemisserStarted = remisserStarted, OutboxesRequeued = await outboxes.SweepAsync(cancellationToken) };
    }
}
