namespace Bollebygd.Core.Mail;

/// <summary>
/// Work for the inbound-mail queue: a mail the poller stored, raw, under <see cref="Key"/> (see
/// <see cref="InboundMailKey"/>). The Message-ID decides "already done", so a mail enqueued twice is handled once.
/// </summary>
public sealed record InboundMailMessage(string Mailbox, string MessageId, string Key, DateTimeOffset ReceivedAt);
