namespace Bollebygd.Adapters.Mail;

/// <summary>The <c>Imap</c> section: the server most mailboxes share.</summary>
public sealed class ImapOptions
{
    public const string Section = "Imap";

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 993;

    public string Security { get; set; } = "SslOnConnect";
}
