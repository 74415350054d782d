using Bollebygd.Core.Mail;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Mail;

/// <summary>
/// Reads every configured function mailbox on the schedule in the <c>MailboxPollSchedule</c> setting (NCRONTAB).
/// Each mailbox is polled under its own lease, so overlapping runs or instances never read one mailbox twice at once.
/// </summary>
public sealed class MailboxPollingFunction(MailboxPoller poller)
{
    public const string Name = "MailboxPolling";
    public const string ScheduleSetting = "MailboxPollSchedule";

    [Function(Name)]
    public Task Run([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAllAsync(cancellationToken);
}
