using Bollebygd.Core.Sla;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Functions.Sla;

/// <summary>
/// The SLA workflow of one case (instance id <c>sla-{caseId}</c>): evaluate the case (an activity: the rules live in
/// Core), then sleep on a durable timer until the next warning, breach or ladder step — or until the case changes
/// (the <see cref="ChangedEvent"/>), whichever comes first, and at least every <see cref="LongestSleep"/> in case a
/// signal was lost — and evaluate again. It ends when the case is closed or
/// gone, and starts afresh with ContinueAsNew every <see cref="RoundsPerHistory"/> rounds so its history stays short.
/// A failing evaluation is retried with backoff; if it still fails the workflow waits a while and tries again rather
/// than dying, so a storage outage costs reminders a delay, never the case its SLA.
/// </summary>
public sealed class CaseSlaOrchestrator : TaskOrchestrator<CaseSlaState, CaseSlaState>
{
    public const string Name = "CaseSla";
    public const string ChangedEvent = "CaseChanged";
    public const string InstancePrefix = "sla-";
    public const int RoundsPerHistory = 40;
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(15);

    /// <summary>The longest the workflow sleeps without looking at its case, even with nothing due.</summary>
    public static readonly TimeSpan LongestSleep = TimeSpan.FromHours(2);

    private static readonly TaskOptions Retrying = TaskOptions.FromRetryPolicy(
        new RetryPolicy(5, TimeSpan.FromSeconds(5), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromMinutes(5)));

    public static string InstanceId(string caseId) => InstancePrefix + caseId;

    public static string? CaseIdOf(string instanceId) =>
        instanceId.StartsWith(InstancePrefix, StringComparison.Ordinal) ? instanceId[InstancePrefix.Length..] : null;

    [Function(Name)]
    public static Task<CaseSlaState> RunOrchestration([OrchestrationTrigger] TaskOrchestrationContext context, CaseSlaState state) =>
        new CaseSlaOrchestrator().RunAsync(context, state);

    public override async Task<CaseSlaState> RunAsync(TaskOrchestrationContext context, CaseSlaState input)
    {
        var logger = context.CreateReplaySafeLogger<CaseSlaOrchestrator>();
        var state = input;
        // One waiter for the event at a time, kept across rounds: a cancelled waiter could swallow the next event.
        Task<string>? changed = null;
        for (var round = 0; round < RoundsPerHistory; round++)
        {
            DateTimeOffset? wakeAt;
            try
            {
                var step = await context.CallActivityAsync<CaseSlaStep>(CaseSlaActivities.Evaluate, state, Retrying);
                state = step.State;
                if (step.Ended)
                {
                    logger.LogInformation("SLA workflow of case {CaseId} ended", state.CaseId);
                    return state;
                }
                wakeAt = step.WakeAt;
            }
            catch (TaskFailedException ex)
            {
                logger.LogError("SLA evaluation of case {CaseId} failed; trying again in {Delay}: {Error}",
                    state.CaseId, RetryAfterFailure, ex.FailureDetails.ErrorMessage);
                wakeAt = context.CurrentUtcDateTime + RetryAfterFailure;
            }

            // Never asleep for longer than LongestSleep: a change whose signal was lost is seen within that time.
            var latest = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero) + LongestSleep;
            var at = wakeAt is { } w && w < latest ? w : latest;
            changed ??= context.WaitForExternalEvent<string>(ChangedEvent);
            using var stopTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(at.UtcDateTime, stopTimer.Token);
            if (await Task.WhenAny(changed, timer) == changed)
            {
                changed = null;
                stopTimer.Cancel();
            }
        }
        context.ContinueAsNew(state, preserveUnprocessedEvents: true);
        return state;
    }
}
