using Bollebygd.Core.Mail;

namespace Bollebygd.Functions.Tests.Mail;

/// <summary>
/// The real IMAP reader, except that a session can die between storing a mail and flagging it: what a poller that
/// crashed there leaves behind.
/// </summary>
public sealed class CrashingMailboxReader
{
    public bool CrashBeforeFlagging { get; set; }

    public int Crashes { get; private set; }

    public IMailboxReader Around(IMailboxReader inner) => new Reader(this, inner);

    private sealed class Reader(CrashingMailboxReader owner, IMailboxReader inner) : IMailboxReader
    {
        public async Task<IMailboxSession> OpenAsync(FunctionMailbox mailbox, CancellationToken cancellationToken) =>
            new Session(owner, await inner.OpenAsync(mailbox, cancellationToken));
    }

    private sealed class Session(CrashingMailboxReader owner, IMailboxSession inner) : IMailboxSession
    {
        public uint UidValidity => inner.UidValidity;

        public uint? UidNext => inner.UidNext;

        public Task<IReadOnlyList<uint>> ListAfterAsync(uint lastUid, CancellationToken cancellationToken) => inner.ListAfterAsync(lastUid, cancellationToken);

        public Task<FetchedMail> FetchAsync(uint uid, CancellationToken cancellationToken) => inner.FetchAsync(uid, cancellationToken);

        public Task MarkProcessedAsync(uint uid, CancellationToken cancellationToken)
        {
            if (owner.CrashBeforeFlagging)
            {
                owner.Crashes++;
                throw new IOException("The poller died here.");
            }
            return inner.MarkProcessedAsync(uid, cancellationToken);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
