namespace Bollebygd.Adapters.Mail;

/// <summary>
/// One function mailbox under <c>Mailboxes:{name}</c>. No password lives in settings: <see cref="PasswordSetting"/>
/// names the setting that holds it — in Azure an app setting that is a Key Vault reference; locally smtp4dev's
/// password. Host, port and security fall back to the <c>Imap</c> section.
/// </summary>
public sealed class MailboxOptions
{
    public const string Section = "Mailboxes";

    public string Address { get; set; } = "";

    public string? DisplayName { get; set; }

    /// <summary>The group whose queue the mailbox's new cases land in.</summary>
    public string Group { get; set; } = "kundtjanst";

    public string? Host { get; set; }

    public int? Port { get; set; }

    /// <summary><c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c> (MailKit's SecureSocketOptions).</summary>
    public string? Security { get; set; }

    public string? UserName { get; set; }

    public string? PasswordSetting { get; set; }

    public string Folder { get; set; } = "INBOX";

    /// <summary>Where read mail is moved, when set; otherwise it stays in <see cref="Folder"/> flagged as read.</summary>
    public string? ProcessedFolder { get; set; }
}
