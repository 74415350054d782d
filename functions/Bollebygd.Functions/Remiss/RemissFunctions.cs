using Bollebygd.Core.Remiss;
using Bollebygd.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Functions.Remiss;

/// <summary>
/// The external party's remiss page API, opened by the signed token in the <c>X-Remiss-Token</c> header (from the
/// link's fragment, never in a URL): <c>GET /api/remiss</c> and <c>POST /api/remiss/answer</c> with
/// <c>{text, files: [uploadId]}</c>. Rate limited like the status page.
/// </summary>
public sealed class RemissFunctions(RemissService remisser, ClientRateLimiter limiter, ILogger<RemissFunctions> logger)
{
    public const string TokenHeader = "X-Remiss-Token";
    public const string NotFoundMessage = "Länken fungerar inte längre, eller så är den inte hel. Kontakta den som skickade remissen.";
    public const string ClosedMessage = "Remissen är redan besvarad, eller så är ärendet avslutat. Tack!";

    [Function("RemissGet")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "remiss")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (limiter.Refuse(request, RateLimitedEndpoint.TrackingReads) is { } refused)
        {
            return refused;
        }
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var view = await remisser.ViewAsync(TokenOf(request), cancellationToken);
        return view is null ? Problems.Status(StatusCodes.Status404NotFound, NotFoundMessage) : new OkObjectResult(view);
    }

    [Function("RemissAnswer")]
    public async Task<IActionResult> Answer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "remiss/answer")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (limiter.Refuse(request, RateLimitedEndpoint.TrackingWrites) is { } refused)
        {
            return refused;
        }
        var (message, refusal) = await ExternalMessage.ReadAsync(request, cancellationToken);
        if (message is null)
        {
            return refusal!;
        }
        switch (await remisser.AnswerAsync(TokenOf(request), message.Text, message.Files ?? [], cancellationToken))
        {
            case RemissAnswerOutcome.Accepted accepted:
                await WakeAsync(durable, accepted.InstanceId, cancellationToken);
                return new ObjectResult(new { answered = true }) { StatusCode = StatusCodes.Status201Created };
            case RemissAnswerOutcome.Invalid invalid:
                return Problems.FieldErrors(invalid.Errors);
            case RemissAnswerOutcome.Closed:
                return Problems.Status(StatusCodes.Status409Conflict, ClosedMessage);
            default:
                return Problems.Status(StatusCodes.Status404NotFound, NotFoundMessage);
        }
    }

    /// <summary>
    /// Starts the remiss's workflow unless it runs already (a retried send, a second click); one that ended although
    /// the remiss still waits (it failed, or was lost with LocalHost's memory) is replaced. True when one was started.
    /// </summary>
    public static async Task<bool> StartAsync(DurableTaskClient durable, RemissCase remiss, CancellationToken cancellationToken)
    {
        using var alone = await Sla.InstanceLocks.EnterAsync(remiss.InstanceId, cancellationToken);
        var instance = await durable.GetInstanceAsync(remiss.InstanceId, cancellationToken);
        if (instance is not null && instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed
                or OrchestrationRuntimeStatus.Terminated))
        {
            return false;
        }
        if (instance is not null)
        {
            await durable.PurgeInstanceAsync(remiss.InstanceId, null, cancellationToken);
        }
        await durable.ScheduleNewOrchestrationInstanceAsync(RemissOrchestrator.Name, new RemissRef(remiss.CaseId, remiss.Id),
            new Microsoft.DurableTask.StartOrchestrationOptions(remiss.InstanceId), cancellationToken);
        return true;
    }

    /// <summary>
    /// Tells the workflow the answer came. The answer is stored already; a workflow that cannot be told now sees it at
    /// its next look (the reminder or the deadline), so this never fails the request.
    /// </summary>
    private async Task WakeAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            await durable.RaiseEventAsync(instanceId, RemissOrchestrator.AnsweredEvent, "answered", cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Remiss workflow {InstanceId} was not told of its answer; it will see it at its next look", instanceId);
        }
    }

    private static string TokenOf(HttpRequest request) => request.Headers[TokenHeader].ToString();
}
