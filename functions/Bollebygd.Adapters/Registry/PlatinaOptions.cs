namespace Bollebygd.Adapters.Registry;

/// <summary>
/// Settings <c>Platina:*</c>: the API's base address, the OAuth2 client id, the name of the setting that holds the
/// client secret (in Azure a Key Vault reference; never the secret itself here), and how long one call may take.
/// Without a base address the connector is off: registrations wait in the outbox.
/// </summary>
public sealed class PlatinaOptions
{
    public const string Section = "Platina";

    public string? BaseUrl { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecretSetting { get; set; }

    public string Scope { get; set; } = "platina.api";

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How long the circuit breaker stops calling a Platina that keeps failing.</summary>
    public int BreakSeconds { get; set; } = 60;
}
