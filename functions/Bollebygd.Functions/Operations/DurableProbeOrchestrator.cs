using Bollebygd.Core.Operations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Bollebygd.Functions.Operations;

/// <summary>
/// The durable probe: an activity, a durable timer, another activity. An operator starts it to see that orchestrations,
/// timers and activities really run (the SLA reminders depend on exactly these), and how late timers fire.
/// </summary>
public sealed class DurableProbeOrchestrator : TaskOrchestrator<DurableProbeRequest, DurableProbeResult>
{
    public const string Name = "DurableProbe";

    [Function(Name)]
    public static Task<DurableProbeResult> RunOrchestration(
        [OrchestrationTrigger] TaskOrchestrationContext context, DurableProbeRequest request) =>
        new DurableProbeOrchestrator().RunAsync(context, request);

    public override async Task<DurableProbeResult> RunAsync(TaskOrchestrationContext context, DurableProbeRequest input)
    {
        var startedAt = await context.CallActivityAsync<DateTimeOffset>(
            DurableProbeActivities.RecordStep, new DurableProbeStep(context.InstanceId, "started", input.RequestedBy));

        var dueAt = context.CurrentUtcDateTime.Add(input.TimerDelay);
        await context.CreateTimer(dueAt, CancellationToken.None);

        var resumedAt = await context.CallActivityAsync<DateTimeOffset>(
            DurableProbeActivities.RecordStep, new DurableProbeStep(context.InstanceId, "resumed", input.RequestedBy));

        return new DurableProbeResult(startedAt, new DateTimeOffset(dueAt, TimeSpan.Zero), resumedAt);
    }
}
