namespace Bollebygd.Core.Mail;

/// <summary>
/// How far a mailbox has been read: the highest IMAP UID whose message is stored and queued, valid while the folder
/// keeps its UIDVALIDITY. It does not depend on the \Seen flag, so a person opening the mailbox hides nothing.
/// </summary>
public sealed record MailboxWatermark(uint UidValidity, uint LastUid)
{
    public static readonly MailboxWatermark None = new(0, 0);

    /// <summary>
    /// Where to read from in a folder with this UIDVALIDITY and UIDNEXT: from the start when UIDVALIDITY changed, or
    /// when UIDNEXT is not past the watermark — UIDs only grow, so the folder was made anew by a server that kept its
    /// UIDVALIDITY (smtp4dev does, after its store is reset).
    /// </summary>
    public uint LastUidFor(uint uidValidity, uint? uidNext) =>
        uidValidity == UidValidity && (uidNext is not { } next || next > LastUid) ? LastUid : 0;
}
