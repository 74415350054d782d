using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Operations;

/// <summary>
/// Turns poison queues into operator alerts: a non-empty poison queue raises (or refreshes) its alert, an emptied one
/// resolves it. Safe to run any number of times: the outcome depends only on the queues' current counts.
/// </summary>
public sealed class PoisonQueueMonitor(
    IPoisonQueueInspector inspector,
    IOperatorAlerts alerts,
    TimeProvider time,
    ILogger<PoisonQueueMonitor> logger)
{
    public async Task<IReadOnlyList<OperatorAlert>> ScanAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var counts = await inspector.CountPoisonMessagesAsync(cancellationToken);
        var open = (await alerts.ListOpenAsync(cancellationToken))
            .Where(a => a.Kind == OperatorAlertKinds.PoisonMessages)
            .ToDictionary(a => a.Source, StringComparer.Ordinal);

        var raised = new List<OperatorAlert>();
        foreach (var queue in counts)
        {
            if (queue.ApproximateMessageCount <= 0)
            {
                if (open.ContainsKey(queue.QueueName))
                {
                    await alerts.ResolveAsync(queue.QueueName, cancellationToken);
                    logger.LogInformation("Poison queue {QueueName} is empty again; alert resolved", queue.QueueName);
                }
                continue;
            }

            var firstSeen = open.TryGetValue(queue.QueueName, out var existing) ? existing.FirstSeen : now;
            var alert = new OperatorAlert(
                queue.QueueName,
                OperatorAlertKinds.PoisonMessages,
                $"{queue.ApproximateMessageCount} message(s) failed repeatedly and wait in {queue.QueueName}.",
                queue.ApproximateMessageCount,
                firstSeen,
                now);
            await alerts.RaiseAsync(alert, cancellationToken);
            raised.Add(alert);
        }

        // An alert whose poison queue was deleted altogether is resolved as well.
        var present = counts.Select(c => c.QueueName).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in open.Keys.Where(source => !present.Contains(source)))
        {
            await alerts.ResolveAsync(gone, cancellationToken);
        }

        return raised;
    }
}
