using Bollebygd.Core.Mail;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;

namespace Bollebygd.Adapters.Mail;

/// <summary>An open IMAP folder: lists by UID, fetches raw bytes without setting \Seen, then flags or moves.</summary>
public sealed class ImapMailboxSession(ImapClient client, IMailFolder folder, IMailFolder? processed) : IMailboxSession
{
    public uint UidValidity => folder.UidValidity;

    public uint? UidNext => folder.UidNext?.Id;

    public async Task<IReadOnlyList<uint>> ListAfterAsync(uint lastUid, CancellationToken cancellationToken)
    {
        // SEARCH ALL rather than "UID n:*": every server answers it (smtp4dev does not answer a UID range), and a
        // folder whose read mail is moved away stays small. Only the UIDs after the watermark are new.
        var found = await folder.SearchAsync(SearchQuery.All, cancellationToken);
        return found.Select(u => u.Id).Where(id => id > lastUid).Order().ToList();
    }

    public async Task<FetchedMail> FetchAsync(uint uid, CancellationToken cancellationToken)
    {
        using var stream = await folder.GetStreamAsync(new UniqueId(folder.UidValidity, uid), "", cancellationToken);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        var raw = copy.ToArray();
        return new FetchedMail(uid, MessageIdOf(raw), raw);
    }

    public async Task MarkProcessedAsync(uint uid, CancellationToken cancellationToken)
    {
        var id = new UniqueId(folder.UidValidity, uid);
        await folder.StoreAsync(id, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, cancellationToken);
        if (processed is not null)
        {
            await folder.MoveToAsync(id, processed, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(true);
            }
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>The Message-ID from the header block, or null when there is none (or no readable header block).</summary>
    private static string? MessageIdOf(byte[] raw)
    {
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            return HeaderList.Load(stream)[HeaderId.MessageId] is { Length: > 0 } id ? MimeKit.Utils.MimeUtils.EnumerateReferences(id).FirstOrDefault() ?? id.Trim() : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
