using System.Globalization;
using Bollebygd.Core.Operations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Functions.Operations;

/// <summary>
/// <c>POST /api/health/probe?delaySeconds=N</c> starts a <see cref="DurableProbeOrchestrator"/>;
/// <c>GET /api/health/probe/{instanceId}</c> reads how it went.
/// </summary>
public sealed class DurableProbeFunctions(ILogger<DurableProbeFunctions> logger)
{
    public const string StartName = "DurableProbeStart";
    public const string StatusName = "DurableProbeStatus";
    private const string InstancePrefix = "probe-";

    [Function(StartName)]
    public async Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "health/probe")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var delay = DurableProbeRequest.DefaultDelay;
        if (request.Query.TryGetValue("delaySeconds", out var raw))
        {
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                || seconds < 0 || seconds > DurableProbeRequest.MaxDelay.TotalSeconds)
            {
                return new BadRequestObjectResult(new ValidationProblemDetails(new Dictionary<string, string[]>
                {
                    ["delaySeconds"] = [$"Ange ett antal sekunder mellan 0 och {DurableProbeRequest.MaxDelay.TotalSeconds:0}."],
                }));
            }
            delay = TimeSpan.FromSeconds(seconds);
        }

        var instanceId = InstancePrefix + Guid.NewGuid().ToString("N");
        await durable.ScheduleNewOrchestrationInstanceAsync(
            DurableProbeOrchestrator.Name,
            new DurableProbeRequest(delay, "operator"),
            new Microsoft.DurableTask.StartOrchestrationOptions(instanceId),
            cancellationToken);
        logger.LogInformation("Durable probe {InstanceId} started with a {Delay} timer", instanceId, delay);

        var statusUri = $"/api/health/probe/{instanceId}";
        request.HttpContext.Response.Headers.Location = statusUri;
        return new AcceptedResult(statusUri, new { instanceId, statusUri });
    }

    [Function(StatusName)]
    public async Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "health/probe/{instanceId}")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        if (!instanceId.StartsWith(InstancePrefix, StringComparison.Ordinal))
        {
            return new NotFoundResult();
        }
        var instance = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            return new NotFoundResult();
        }
        var output = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? instance.ReadOutputAs<DurableProbeResult>()
            : null;
        return new OkObjectResult(new
        {
            instanceId,
            runtimeStatus = instance.RuntimeStatus.ToString(),
            createdAt = instance.CreatedAt,
            lastUpdatedAt = instance.LastUpdatedAt,
            output,
            failure = instance.FailureDetails?.ErrorMessage,
        });
    }
}
