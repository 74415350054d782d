using Bollebygd.Core.Sms;
using Bollebygd.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Sms;

/// <summary>Sends each text message on <c>sms-outgoing</c>; one the gateway did not take is queued again with a delay.</summary>
public sealed class OutgoingSmsFunction(SmsDeliveryService delivery, ISmsQueue queue)
{
    [Function("OutgoingSms")]
    public async Task Run([QueueTrigger(QueueNames.OutgoingSms)] OutgoingSms sms, CancellationToken cancellationToken)
    {
        var (sent, retryAfter) = await delivery.SendAsync(sms, cancellationToken);
        if (!sent && retryAfter is { } delay)
        {
            await queue.EnqueueAsync(sms with { Attempt = sms.Attempt + 1 }, delay, cancellationToken);
        }
    }
}
