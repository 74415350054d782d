namespace Bollebygd.Core.Mail;

/// <summary>Port: opens a configured function mailbox for reading.</summary>
public interface IMailboxReader
{
    Task<IMailboxSession> OpenAsync(FunctionMailbox mailbox, CancellationToken cancellationToken);
}
