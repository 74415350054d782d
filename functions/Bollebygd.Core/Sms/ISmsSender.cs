namespace Bollebygd.Core.Sms;

/// <summary>
/// Port: hands a text message to the SMS gateway. Throws <see cref="SmsRejectedException"/> when the gateway refuses
/// it for good (a bad number), anything else when it may work later.
/// </summary>
public interface ISmsSender
{
    /// <summary>Whether a gateway is configured at all; without one, nobody is offered SMS.</summary>
    bool IsConfigured { get; }

    Task SendAsync(OutgoingSms sms, CancellationToken cancellationToken);
}
