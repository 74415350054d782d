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

    /// <summary>
    /// The same map in one setting, <c>{Entra group id}={group};…</c>: Linux app settings cannot have a hyphen in their
    /// name, and every Entra group id has four, so in Azure this is how the map is given (infra/main.bicep writes it).
    /// </summary>
    public string? GroupMapping { get; set; }

    /// <summary><see cref="GroupMap"/> with <see cref="GroupMapping"/>'s pairs added; a pair without '=' is an error.</summary>
    public void AddGroupMapping()
    {
        foreach (var pair in (GroupMapping ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new InvalidOperationException($"StaffAuth:GroupMapping: \"{pair}\" is not {{Entra group id}}={{competence group}}.");
            }
            GroupMap[parts[0]] = parts[1];
        }
    }
}
