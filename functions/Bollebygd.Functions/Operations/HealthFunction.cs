using Bollebygd.Core.Operations;
using Bollebygd.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Bollebygd.Functions.Operations;

/// <summary>
/// <c>GET /api/health</c>: 200 when storage (tables, queues, blobs) and durable all answer — status "healthy", or
/// "degraded" when Platina or EDP Future does not (their work waits) — else 503.
/// </summary>
public sealed class HealthFunction(HealthService health, ClientRateLimiter limiter)
{
    public const string Name = "Health";

    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        if (limiter.Refuse(request, RateLimitedEndpoint.HealthChecks) is { } refused)
        {
            return refused;
        }
        var report = await health.CheckAsync([new DurableHealthProbe(durable)], cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new ObjectResult(report)
        {
            StatusCode = report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }
}
