namespace Bollebygd.Core.Operations;

/// <summary>The outcome of one dependency check in the health report.</summary>
public sealed record HealthCheckResult(string Name, bool Healthy, TimeSpan Duration, string? Error, bool Critical = true);
