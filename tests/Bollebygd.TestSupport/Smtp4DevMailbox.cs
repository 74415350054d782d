using System.Text.Json;

namespace Bollebygd.TestSupport;

/// <summary>
/// A function mailbox as smtp4dev must know it: mail to <see cref="Address"/> is routed into the mailbox
/// <see cref="Name"/>, which the IMAP user <see cref="User"/> sees. Read from a local.settings file, so smtp4dev and
/// the Function App are configured from one place.
/// </summary>
public sealed record Smtp4DevMailbox(string Name, string Address, string User, string Password)
{
    /// <summary>The <c>Mailboxes__{name}__*</c> entries of a local.settings file's Values.</summary>
    public static IReadOnlyList<Smtp4DevMailbox> FromSettings(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var values = document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        return values.Keys
            .Where(k => k.StartsWith("Mailboxes__", StringComparison.Ordinal) && k.EndsWith("__Address", StringComparison.Ordinal))
            .Select(k => k["Mailboxes__".Length..^"__Address".Length])
            .Select(name => new Smtp4DevMailbox(
                name,
                values[$"Mailboxes__{name}__Address"],
                values.GetValueOrDefault($"Mailboxes__{name}__UserName") ?? name,
                values.GetValueOrDefault($"Mailboxes__{name}__PasswordSetting") is { } setting ? values.GetValueOrDefault(setting) ?? "" : ""))
            .ToList();
    }

    public static IReadOnlyList<Smtp4DevMailbox> FromSampleSettings() =>
        FromSettings(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json"));
}
