using Bollebygd.Core.Cases;
using Bollebygd.Core.Sla;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Functions.Sla;

/// <summary>
/// Tells a case's SLA workflow that the case changed: raises <see cref="CaseSlaOrchestrator.ChangedEvent"/> on a
/// running one, or starts one — with the state the last one ended with, when a closed case is reopened — for an open
/// case that has none. A closed case whose workflow has ended is left alone. Safe to call any number of times.
/// </summary>
public sealed class CaseSlaInstances(ICaseStore cases, ILogger<CaseSlaInstances> logger)
{
    public async Task SignalAsync(DurableTaskClient durable, string caseId, CancellationToken cancellationToken)
    {
        var id = CaseSlaOrchestrator.InstanceId(caseId);
        var instance = await durable.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (IsAlive(instance))
        {
            await durable.RaiseEventAsync(id, CaseSlaOrchestrator.ChangedEvent, caseId, cancellationToken);
            return;
        }
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null || !record.Case.IsOpen && instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed)
        {
            return;
        }
        var previous = instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<CaseSlaState>() : null;
        if (instance is not null)
        {
            await durable.PurgeInstanceAsync(id, null, cancellationToken);
        }
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(CaseSlaOrchestrator.Name, previous ?? CaseSlaState.New(caseId),
                new StartOrchestrationOptions(id), cancellationToken);
            logger.LogInformation("SLA workflow of case {CaseReference} started{Again}", record.Case.Reference.ToString(),
                previous is null ? "" : " again after a reopening");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (!IsAlive(await durable.GetInstanceAsync(id, false, cancellationToken)))
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
            Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending],
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

    private static bool IsAlive(OrchestrationMetadata? instance) =>
        instance?.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending;
}
