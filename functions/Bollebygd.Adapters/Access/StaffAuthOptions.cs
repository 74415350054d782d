namespace Bollebygd.Adapters.Access;

/// <summary>
/// The <c>StaffAuth</c> section: who issues staff tokens and for which API. In Azure the authority is the Entra ID
/// tenant (<c>https://login.microsoftonline.com/{tenant}/v2.0</c>) and the audience the app registration's API;
/// locally LocalHost's development identity provider. <see cref="GroupMap"/> maps a value of the token's
/// <c>groups</c> claim (an Entra group's object id) to a competence group.
/// </summary>
public sealed class StaffAuthOptions
{
    public const string Section = "StaffAuth";

    public string? Authority { get; set; }

    /// <summary>The audiences a token may carry, separated by commas (the API's App ID URI and its client id).</summary>
    public string? Audience { get; set; }

    public Dictionary<string, string> GroupMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
