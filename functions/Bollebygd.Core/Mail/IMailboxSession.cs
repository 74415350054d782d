namespace Bollebygd.Core.Mail;

/// <summary>Port: an open connection to one mailbox's folder (IMAP in the adapter).</summary>
public interface IMailboxSession : IAsyncDisposable
{
    uint UidValidity { get; }

    /// <summary>The UID the next message will get (UIDNEXT), when the server says.</summary>
    uint? UidNext { get; }

    /// <summary>The UIDs of the messages after <paramref name="lastUid"/>, in ascending order.</summary>
    Task<IReadOnlyList<uint>> ListAfterAsync(uint lastUid, CancellationToken cancellationToken);

    Task<FetchedMail> FetchAsync(uint uid, CancellationToken cancellationToken);

    /// <summary>Flags the message as read and, when the mailbox has a folder for processed mail, moves it there.</summary>
    Task MarkProcessedAsync(uint uid, CancellationToken cancellationToken);
}
