namespace Bollebygd.Core.Operations;

/// <summary>What <c>GET /api/health</c> answers: each dependency, the version, and the open operator alerts.</summary>
public sealed record HealthReport(
    string Status,
    string Version,
    DateTimeOffset CheckedAt,
    IReadOnlyList<HealthCheckResult> Checks,
    IReadOnlyList<OperatorAlert> OpenAlerts)
{
    public const string HealthyStatus = "healthy";
    public const string UnhealthyStatus = "unhealthy";

    /// <summary>Everything the app needs answers, but an external system does not: intake works, some work waits.</summary>
    public const string DegradedStatus = "degraded";

    /// <summary>Whether the app can take work (healthy or degraded): what the 200/503 of the endpoint says.</summary>
    public bool IsHealthy => Status != UnhealthyStatus;
}
