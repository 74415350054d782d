namespace Bollebygd.Adapters.Utility;

/// <summary>
/// Settings <c>Edp:*</c>: EDP Future's base address and the name of the setting that holds the API key (in Azure a Key
/// Vault reference). Without a base address the connector is off: requests wait in the outbox, panels say so.
/// </summary>
public sealed class EdpOptions
{
    public const string Section = "Edp";

    public string? BaseUrl { get; set; }

    public string? ApiKeySetting { get; set; }

    public int TimeoutSeconds { get; set; } = 15;

    public int BreakSeconds { get; set; } = 60;
}
