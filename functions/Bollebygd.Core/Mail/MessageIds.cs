using System.Text.RegularExpressions;

namespace Bollebygd.Core.Mail;

/// <summary>
/// The Message-IDs of mail the system sends: <c>&lt;{purpose}.{caseId}@kontaktcenter.bollebygd.se&gt;</c>. A reply's
/// In-Reply-To or References then names the case directly, and mail with our own domain is recognised as ours.
/// </summary>
public static partial class MessageIds
{
    public const string Domain = "kontaktcenter.bollebygd.se";

    public static string For(string purpose, string caseId) => $"<{purpose}.{caseId}@{Domain}>";

    /// <summary>The case a Message-ID of ours belongs to, or null for anyone else's.</summary>
    public static string? CaseIdOf(string? messageId)
    {
        var match = messageId is null ? null : Ours().Match(messageId.Trim());
        return match is { Success: true } ? match.Groups[1].Value : null;
    }

    public static bool IsOurs(string? messageId) =>
        messageId?.Trim().TrimEnd('>').EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase) == true;

    [GeneratedRegex(@"^<?[A-Za-z0-9-]+\.([a-f0-9]{32})@kontaktcenter\.bollebygd\.se>?\z", RegexOptions.IgnoreCase)]
    private static partial Regex Ours();
}
