using Bollebygd.Core.Operations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Functions.Operations;

/// <summary>Scans the poison queues on the schedule in the <c>PoisonQueueMonitorSchedule</c> setting (NCRONTAB).</summary>
public sealed class PoisonQueueMonitorFunction(PoisonQueueMonitor monitor, ILogger<PoisonQueueMonitorFunction> logger)
{
    public const string Name = "PoisonQueueMonitor";
    public const string ScheduleSetting = "PoisonQueueMonitorSchedule";

    [Function(Name)]
    public async Task Run([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogInformation("Poison queue scan is running late (past due)");
        }
        await monitor.ScanAsync(cancellationToken);
    }
}
