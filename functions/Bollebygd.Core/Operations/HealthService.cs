using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Operations;

/// <summary>
/// Runs every dependency probe in parallel, each within <see cref="ProbeTimeout"/>, and reports the whole as healthy
/// when all of them answered, degraded when only external systems (not critical) did not, else unhealthy.
/// </summary>
public sealed class HealthService(
    IEnumerable<IHealthProbe> probes,
    IOperatorAlerts alerts,
    TimeProvider time,
    ILogger<HealthService> logger)
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static string Version { get; } =
        typeof(HealthService).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "unknown";

    public async Task<HealthReport> CheckAsync(IEnumerable<IHealthProbe> additionalProbes, CancellationToken cancellationToken)
    {
        var all = probes.Concat(additionalProbes).ToList();
        var checks = await Task.WhenAll(all.Select(p => RunAsync(p, cancellationToken)));

        IReadOnlyList<OperatorAlert> openAlerts = [];
        var criticalUp = checks.Where(c => c.Critical).All(c => c.Healthy);
        if (criticalUp)
        {
            // Alerts live in storage; reading them is only meaningful when storage answers.
            openAlerts = await alerts.ListOpenAsync(cancellationToken);
        }

        var status = !criticalUp ? HealthReport.UnhealthyStatus
            : checks.All(c => c.Healthy) ? HealthReport.HealthyStatus
            : HealthReport.DegradedStatus;
        return new HealthReport(status, Version, time.GetUtcNow(), checks, openAlerts);
    }

    private async Task<HealthCheckResult> RunAsync(IHealthProbe probe, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await probe.CheckAsync(timeout.Token).WaitAsync(ProbeTimeout, time, cancellationToken);
            return new HealthCheckResult(probe.Name, true, Stopwatch.GetElapsedTime(started), null, probe.Critical);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = ex is TimeoutException or OperationCanceledException
                ? $"no answer within {ProbeTimeout.TotalSeconds:0} s"
                : ex.GetType().Name + ": " + FirstLine(ex.Message);
            logger.LogWarning("Health probe {Probe} failed: {Error}", probe.Name, error);
            return new HealthCheckResult(probe.Name, false, Stopwatch.GetElapsedTime(started), error, probe.Critical);
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
