namespace Bollebygd.Functions.Http;

/// <summary>
/// The <c>RateLimits</c> settings section: how many requests one client (IP address) may make to each anonymous
/// endpoint per window.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    public int Submissions { get; set; } = 20;

    public int Uploads { get; set; } = 60;

    public int TrackingReads { get; set; } = 120;

    public int TrackingWrites { get; set; } = 30;

    public int CatalogReads { get; set; } = 600;

    public int HealthChecks { get; set; } = 300;
}
