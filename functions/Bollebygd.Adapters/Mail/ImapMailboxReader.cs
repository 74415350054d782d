using Bollebygd.Core.Mail;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace Bollebygd.Adapters.Mail;

/// <summary>Opens a function mailbox's folder over IMAP with MailKit.</summary>
public sealed class ImapMailboxReader(MailboxDirectory directory) : IMailboxReader
{
    public async Task<IMailboxSession> OpenAsync(FunctionMailbox mailbox, CancellationToken cancellationToken)
    {
        var options = directory.Options(mailbox.Name);
        var client = new ImapClient { Timeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(directory.Host(options), directory.Port(options),
                Enum.Parse<SecureSocketOptions>(directory.Security(options), ignoreCase: true), cancellationToken);
            await client.AuthenticateAsync(options.UserName ?? mailbox.Address, directory.Password(mailbox.Name, options), cancellationToken);
            var folder = string.Equals(options.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
                ? client.Inbox
                : await client.GetFolderAsync(options.Folder, cancellationToken);
            await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
            var processed = options.ProcessedFolder is { Length: > 0 } name ? await client.GetFolderAsync(name, cancellationToken) : null;
            return new ImapMailboxSession(client, folder, processed);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
