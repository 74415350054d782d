using Bollebygd.LocalHost.Configuration;
using Bollebygd.LocalHost.Invocation;
using Bollebygd.LocalHost.Metadata;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bollebygd.LocalHost.Timers;

/// <summary>
/// Fires one timerTrigger function on its NCRONTAB schedule in <c>WEBSITE_TIME_ZONE</c> (default Europe/Stockholm).
/// Honours <c>runOnStartup</c>, and with <c>useMonitor</c> (the default) runs a missed occurrence once at start-up
/// with <see cref="TimerInfo.IsPastDue"/> set.
/// </summary>
public sealed class TimerTriggerScheduler(
    HostedFunction function,
    IConfiguration configuration,
    IServiceProvider services,
    FunctionInvoker invoker,
    TimerStatusStore statusStore,
    TimeProvider time,
    ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    /// <summary>An occurrence that starts later than this counts as past due.</summary>
    private static readonly TimeSpan PastDueTolerance = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MaxSingleWait = TimeSpan.FromDays(30);

    public TimerSchedule Schedule { get; } = TimerSchedule.Parse(
        AppSettingResolver.Resolve(FunctionEntry.BindingString(function.Trigger, "schedule") ?? "", configuration),
        configuration[TimerSchedule.TimeZoneSetting]);

    private bool UseMonitor => function.Trigger["useMonitor"] is null || FunctionEntry.BindingBool(function.Trigger, "useMonitor");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var functionId = function.Definition.EntryPoint;
        var now = time.GetUtcNow();
        logger.LogInformation("Timer {FunctionName}: '{Schedule}' in {TimeZone}, next at {Next}",
            function.Name, Schedule.Expression, Schedule.TimeZone.Id, Schedule.Next(now));

        var last = UseMonitor ? await ReadStatusAsync(functionId, stoppingToken) : null;
        if (FunctionEntry.BindingBool(function.Trigger, "runOnStartup"))
        {
            await FireAsync(functionId, now, isPastDue: false, "Timer fired at startup (runOnStartup).", stoppingToken);
        }
        else if (last is not null && AsUtc(last.Next) < now)
        {
            await FireAsync(functionId, AsUtc(last.Next), isPastDue: true, "Timer is past due.", stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var due = Schedule.Next(time.GetUtcNow());
            try
            {
                // Task.Delay takes at most ~49 days; a yearly schedule waits in steps.
                while (due - time.GetUtcNow() is { } left && left > TimeSpan.Zero)
                {
                    await Task.Delay(left < MaxSingleWait ? left : MaxSingleWait, time, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var late = time.GetUtcNow() - due > PastDueTolerance;
            await FireAsync(functionId, due, late, "Timer fired at its scheduled time.", stoppingToken);
        }
    }

    private async Task FireAsync(string functionId, DateTimeOffset scheduledFor, bool isPastDue, string reason, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var status = new ScheduleStatus
        {
            Last = scheduledFor.UtcDateTime,
            Next = Schedule.Next(now).UtcDateTime,
            LastUpdated = now.UtcDateTime,
        };
        var timer = new TimerInfo { ScheduleStatus = status, IsPastDue = isPastDue };
        try
        {
            await using var scope = services.CreateAsyncScope();
            await invoker.InvokeAsync(function, new InvocationContext(scope.ServiceProvider, stoppingToken) { TriggerValue = timer }, reason);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Logged by the invoker; a failed timer run is not retried, the next occurrence runs as scheduled.
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        if (UseMonitor)
        {
            try
            {
                await statusStore.WriteAsync(functionId, status, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not record the schedule status of {FunctionName}: {Error}", function.Name, ex.Message);
            }
        }
    }

    private static DateTimeOffset AsUtc(DateTime value) =>
        new(DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc));

    private async Task<ScheduleStatus?> ReadStatusAsync(string functionId, CancellationToken stoppingToken)
    {
        try
        {
            return await statusStore.ReadAsync(functionId, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not read the schedule status of {FunctionName}: {Error}", function.Name, ex.Message);
            return null;
        }
    }
}
