using Bollebygd.Core.Cases;
using Bollebygd.Core.Sla;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Functions.Sla;

/// <summary>
/// Tells a case's SLA workflow that the case changed: raises <see cref="CaseSlaOrchestrator.ChangedEvent"/> on one
/// that has not ended (running, pending, suspended, continuing), or starts one for an open case that has none — from
/// the state the last evaluation stored, so a reopened case, or one whose workflow failed or was lost, keeps its clocks,
/// its pauses and what it was told. A closed case whose workflow has ended is left alone. Safe to call any number of times.
/// </summary>
public sealed class CaseSlaInstances(ICaseStore cases, CaseSlaService sla, ILogger<CaseSlaInstances> logger)
{
    public async Task SignalAsync(DurableTaskClient durable, string caseId, CancellationToken cancellationToken)
    {
        var id = CaseSlaOrchestrator.InstanceId(caseId);
        using var alone = await InstanceLocks.EnterAsync(id, cancellationToken);
        var instance = await durable.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (instance is not null && !HasEnded(instance))
        {
            await durable.RaiseEventAsync(id, CaseSlaOrchestrator.ChangedEvent, caseId, cancellationToken);
            return;
        }
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null || !record.Case.IsOpen && instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed)
        {
            return;
        }
        var previous = await sla.LastStateAsync(caseId, cancellationToken)
            ?? (instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<CaseSlaState>() : null);
        if (instance is not null)
        {
            await durable.PurgeInstanceAsync(id, null, cancellationToken);
        }
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(CaseSlaOrchestrator.Name, previous ?? CaseSlaState.New(caseId),
                new StartOrchestrationOptions(id), cancellationToken);
            logger.LogInformation("SLA workflow of case {CaseReference} started{Again}", record.Case.Reference.ToString(),
                previous is null ? "" : " again, from its last state");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (await durable.GetInstanceAsync(id, false, cancellationToken) is not { } now || HasEnded(now))
            {
                throw;
            }
            // Another signal started it a moment ago: tell that one instead.
            await durable.RaiseEventAsync(id, CaseSlaOrchestrator.ChangedEvent, caseId, cancellationToken);
        }
    }

    /// <summary>The case ids whose workflow runs or is about to (for the reconciliation).</summary>
    public static async Task<IReadOnlySet<string>> RunningAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var running = new HashSet<string>(StringComparer.Ordinal);
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = CaseSlaOrchestrator.InstancePrefix,
            Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended],
        };
        await foreach (var instance in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (CaseSlaOrchestrator.CaseIdOf(instance.InstanceId) is { } caseId)
            {
                running.Add(caseId);
            }
        }
        return running;
    }

    private static bool HasEnded(OrchestrationMetadata instance) =>
        instance.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
