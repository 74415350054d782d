namespace Bollebygd.Functions.Http;

/// <summary>The anonymous endpoints with a limit of their own in <see cref="RateLimitOptions"/>.</summary>
public enum RateLimitedEndpoint
{
    Submissions,
    Uploads,
    TrackingReads,
    TrackingWrites,
    CatalogReads,
    HealthChecks,
}
