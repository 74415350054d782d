namespace Bollebygd.Adapters.Mail;

/// <summary>
/// The <c>Mail</c> settings section: where outgoing mail goes. Locally smtp4dev on port 2525 without TLS; in Azure
/// an SMTP relay with STARTTLS. No password lives in settings: a relay that needs one gets it from Key Vault.
/// Mail leaves from a function mailbox (<see cref="MailboxOptions"/>); <see cref="FromAddress"/> is used only when
/// none is configured.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string SmtpHost { get; set; } = "localhost";

    public int SmtpPort { get; set; } = 2525;

    /// <summary><c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c> (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "None";

    public string FromAddress { get; set; } = "kommunen@bollebygd.se";

    /// <summary>The mailbox whose address web-form cases use when their group has none of its own.</summary>
    public string? DefaultMailbox { get; set; }

    public string FromName { get; set; } = "Bollebygds kommun";

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
