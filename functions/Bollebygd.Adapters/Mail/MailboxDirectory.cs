using Bollebygd.Core.Mail;
using Microsoft.Extensions.Configuration;

namespace Bollebygd.Adapters.Mail;

/// <summary>
/// The configured function mailboxes, read once from the <c>Mailboxes</c> section, with what it takes to reach each
/// one over IMAP. Mailboxes are ordered by name, except that <c>Mail:DefaultMailbox</c> comes first.
/// </summary>
public sealed class MailboxDirectory
{
    private readonly IConfiguration _configuration;
    private readonly Dictionary<string, MailboxOptions> _options;
    private readonly ImapOptions _imap;

    public MailboxDirectory(IConfiguration configuration)
    {
        _configuration = configuration;
        _options = new Dictionary<string, MailboxOptions>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in configuration.GetSection(MailboxOptions.Section).GetChildren())
        {
            var options = section.Get<MailboxOptions>() ?? new MailboxOptions();
            if (string.IsNullOrWhiteSpace(options.Address))
            {
                throw new InvalidOperationException($"Mailbox '{section.Key}' has no Address (setting {MailboxOptions.Section}:{section.Key}:Address).");
            }
            _options[section.Key] = options;
        }
        _imap = configuration.GetSection(ImapOptions.Section).Get<ImapOptions>() ?? new ImapOptions();
        var mail = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        var first = mail.DefaultMailbox;
        var mailboxes = _options
            .OrderBy(o => string.Equals(o.Key, first, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => new FunctionMailbox(o.Key, o.Value.Address, o.Value.DisplayName ?? mail.FromName, o.Value.Group));
        Mailboxes = new FunctionMailboxes(mailboxes, new FunctionMailbox("default", mail.FromAddress, mail.FromName, "kundtjanst"));
    }

    public FunctionMailboxes Mailboxes { get; }

    public MailboxOptions Options(string name) =>
        _options.TryGetValue(name, out var options) ? options : throw new InvalidOperationException($"No mailbox '{name}' is configured.");

    public string Host(MailboxOptions options) => options.Host ?? _imap.Host;

    public int Port(MailboxOptions options) => options.Port ?? _imap.Port;

    public string Security(MailboxOptions options) => options.Security ?? _imap.Security;

    /// <summary>The password, from the setting the mailbox names (a Key Vault reference in Azure).</summary>
    public string Password(string name, MailboxOptions options) =>
        options.PasswordSetting is { Length: > 0 } setting
            ? _configuration[setting] ?? throw new InvalidOperationException($"Mailbox '{name}' names the setting '{setting}' for its password, but it is not set.")
            : "";
}
