namespace Bollebygd.Core.Mail;

/// <summary>One message read from a mailbox: its IMAP UID, the Message-ID the server saw, and its bytes.</summary>
public sealed record FetchedMail(uint Uid, string? MessageId, ReadOnlyMemory<byte> Raw);
