using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Mail;

/// <summary>
/// The one sender of mail (<c>mail-outgoing</c>): receipts, replies and reminders. A mail the server did not take is
/// queued again with a growing delay; after the last attempt the message fails into the poison queue, which raises an
/// operator alert.
/// </summary>
public sealed class OutgoingMailFunction(OutgoingMailService mail, IOutgoingMailQueue queue)
{
    public const string Name = "OutgoingMail";

    [Function(Name)]
    public async Task Run([QueueTrigger(QueueNames.OutgoingMail)] OutgoingMail message, CancellationToken cancellationToken)
    {
        if (await mail.SendAsync(message, cancellationToken) is MailDelivery.RetryLater retry)
        {
            await queue.EnqueueAsync(retry.Next, retry.Delay, cancellationToken);
        }
    }
}
