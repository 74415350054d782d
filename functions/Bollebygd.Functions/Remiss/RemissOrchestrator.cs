using Bollebygd.Core.Remiss;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Functions.Remiss;

/// <summary>
/// The workflow of one remiss (instance id <see cref="RemissCase.InstanceId"/>): look at it (an activity), then sleep
/// until the reminder or the deadline, or until the answer comes (<see cref="AnsweredEvent"/>); done when it is
/// answered, overdue or gone. A failing look is retried, then tried again later, never given up.
/// </summary>
public sealed class RemissOrchestrator : TaskOrchestrator<RemissRef, string>
{
    public const string Name = "Remiss";
    public const string AnsweredEvent = "RemissAnswered";
    public const int RoundsPerHistory = 20;
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(15);

    private static readonly TaskOptions Retrying = TaskOptions.FromRetryPolicy(
        new RetryPolicy(5, TimeSpan.FromSeconds(5), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromMinutes(5)));

    [Function(Name)]
    public static Task<string> RunOrchestration([OrchestrationTrigger] TaskOrchestrationContext context, RemissRef remiss) =>
        new RemissOrchestrator().RunAsync(context, remiss);

    public override async Task<string> RunAsync(TaskOrchestrationContext context, RemissRef input)
    {
        var logger = context.CreateReplaySafeLogger<RemissOrchestrator>();
        // One waiter for the answer at a time, kept across rounds: a cancelled waiter could swallow the event.
        Task<string>? answered = null;
        for (var round = 0; round < RoundsPerHistory; round++)
        {
            DateTimeOffset? wakeAt;
            try
            {
                var step = await context.CallActivityAsync<RemissStep>(RemissActivities.FollowUp, input, Retrying);
                if (step.Ended)
                {
                    return "done";
                }
                wakeAt = step.WakeAt;
            }
            catch (TaskFailedException ex)
            {
                logger.LogError("Remiss {RemissId} on case {CaseId} could not be followed up; trying again in {Delay}: {Error}",
                    input.RemissId, input.CaseId, RetryAfterFailure, ex.FailureDetails.ErrorMessage);
                wakeAt = context.CurrentUtcDateTime + RetryAfterFailure;
            }
            answered ??= context.WaitForExternalEvent<string>(AnsweredEvent);
            if (wakeAt is not { } at)
            {
                await answered;
                answered = null;
                continue;
            }
            using var stopTimer = new CancellationTokenSource();
            if (await Task.WhenAny(answered, context.CreateTimer(at.UtcDateTime, stopTimer.Token)) == answered)
            {
                answered = null;
                stopTimer.Cancel();
            }
        }
        context.ContinueAsNew(input, preserveUnprocessedEvents: true);
        return "continued";
    }
}
