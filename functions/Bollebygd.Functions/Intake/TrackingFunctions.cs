using System.Text.Json;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Catalog;
using Bollebygd.Core.Intake;
using Bollebygd.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Intake;

/// <summary>
/// The citizen's status page API, opened by the private tracking token in the <c>X-Tracking-Token</c> header (never in
/// a URL, so request logs do not hold it): <c>GET /api/tracking</c> and <c>POST /api/tracking/messages</c> with
/// <c>{text, files: [uploadId]}</c>.
/// </summary>
public sealed class TrackingFunctions(CaseTrackingService tracking, ClientRateLimiter limiter)
{
    public const string NotFoundMessage = "Vi hittar inget ärende för den här länken.";
    public const string BusyMessage = "Ärendet ändrades precis. Försök igen om en stund.";
    public const string ClosedMessage = "Ärendet är avslutat. Skicka ett nytt ärende eller kontakta kundtjänst på 033-43 00 00.";

    [Function("TrackingGet")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tracking")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (limiter.Refuse(request, RateLimitedEndpoint.TrackingReads) is { } refused)
        {
            return refused;
        }
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var view = await tracking.GetAsync(TokenOf(request), cancellationToken);
        return view is null ? Problems.Status(StatusCodes.Status404NotFound, NotFoundMessage) : new OkObjectResult(view);
    }

    [Function("TrackingReply")]
    public async Task<IActionResult> Reply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tracking/messages")] HttpRequest request,
        CancellationToken cancellationToken)
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
        CitizenReplyOutcome outcome;
        try
        {
            outcome = await tracking.ReplyAsync(TokenOf(request), message.Text, message.Files ?? [], cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return Problems.Status(StatusCodes.Status409Conflict, BusyMessage);
        }
        return outcome switch
        {
            CitizenReplyOutcome.Accepted accepted => new ObjectResult(new { status = accepted.Status }) { StatusCode = StatusCodes.Status201Created },
            CitizenReplyOutcome.Invalid invalid => Problems.FieldErrors(invalid.Errors),
            CitizenReplyOutcome.Closed => Problems.Status(StatusCodes.Status409Conflict, ClosedMessage),
            _ => Problems.Status(StatusCodes.Status404NotFound, NotFoundMessage),
        };
    }

    public const string TokenHeader = "X-Tracking-Token";

    private static string TokenOf(HttpRequest request) => request.Headers[TokenHeader].ToString();
}
