namespace Bollebygd.Adapters.Sms;

/// <summary>
/// The <c>Sms</c> section: the SMS gateway (an HTTP API that takes <c>{to, from, message}</c> as JSON, as the common
/// Swedish gateways do). No key lives here: <see cref="ApiKeySetting"/> names the setting that holds it (a Key Vault
/// reference in Azure). Without <see cref="GatewayUrl"/> the system offers no SMS.
/// </summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    public string? GatewayUrl { get; set; }

    /// <summary>The sender name the citizen sees (at most 11 letters and digits).</summary>
    public string SenderName { get; set; } = "Bollebygd";

    public string? ApiKeySetting { get; set; }
}
