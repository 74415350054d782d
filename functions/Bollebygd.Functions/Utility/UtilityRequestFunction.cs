using Bollebygd.Core.Storage;
using Bollebygd.Core.Utility;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Utility;

/// <summary>
/// The EDP outbox's handler (<c>edp-requests</c>): sends an e-service's request to EDP Future and tells the citizen;
/// while EDP is away the request goes back on the queue with a growing delay.
/// </summary>
public sealed class UtilityRequestFunction(UtilityService utility, IUtilityQueue queue)
{
    public const string Name = "EdpRequest";

    [Function(Name)]
    public async Task Run([QueueTrigger(QueueNames.EdpRequests)] UtilityRequest request, CancellationToken cancellationToken)
    {
        if (await utility.HandleAsync(request, cancellationToken) is var (next, delay))
        {
            await queue.EnqueueAsync(next, delay, cancellationToken);
        }
    }
}
