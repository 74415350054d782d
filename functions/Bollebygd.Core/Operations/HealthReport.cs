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

    public bool IsHealthy => Status == HealthyStatus;
}
