using Bollebygd.Core.Cases;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Mail;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Sms;

/// <summary>
/// Sends one text message and writes it on the case's timeline, as the mail sender does for mail: sent once (the
/// timeline entry, and a claim against two handlers at once), a refusal for good on the timeline, anything else
/// retried with the same backoff as mail.
/// </summary>
public sealed class SmsDeliveryService(ICaseStore cases, ISmsSender sender, ClaimGate gate, TimeProvider time, ILogger<SmsDeliveryService> logger)
{
    public const string ClaimSource = "utgående sms";

    public async Task<(bool Sent, TimeSpan? RetryAfter)> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(sms.CaseId, cancellationToken)
            ?? throw new InvalidOperationException($"The text message {sms.Purpose} is about case {sms.CaseId}, which does not exist.");
        if (record.Timeline.Any(e => e.Id == sms.SentEntryId || e.Id == sms.FailedEntryId))
        {
            return (false, null);
        }
        var attempt = await gate.EnterAsync($"sms-{sms.CaseId}-{sms.Purpose}", ClaimSource, sms.CaseId, OutgoingMailService.SendingTakeoverAfter, cancellationToken);
        switch (attempt)
        {
            case ClaimAttempt.Busy:
                return (false, OutgoingMailService.BusyRetryAfter);
            case not ClaimAttempt.Entered:
                return (false, null);
        }
        var claim = ((ClaimAttempt.Entered)attempt).Claim;
        try
        {
            await sender.SendAsync(sms, cancellationToken);
        }
        catch (SmsRejectedException ex)
        {
            logger.LogWarning("Text message {Purpose} about {CaseReference} was refused: {Reason}", sms.Purpose, record.Case.Reference.ToString(), ex.Message);
            await cases.AppendRetryingAsync(record.Case, new TimelineEntry(sms.FailedEntryId, time.GetUtcNow(), TimelineEntryKind.Event, "system",
                $"Sms till {sms.To} kunde inte skickas: {ex.Message}", []), null, cancellationToken);
            await gate.CompleteAsync(claim, cancellationToken);
            return (false, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await gate.UpdateAsync(claim with { ClaimedAt = DateTimeOffset.UnixEpoch }, cancellationToken);
            if (MailRetryPolicy.DelayAfter(sms.Attempt) is not { } delay)
            {
                throw;
            }
            logger.LogWarning(ex, "Text message {Purpose} could not be sent (attempt {Attempt}); trying again in {Delay}", sms.Purpose, sms.Attempt + 1, delay);
            return (false, delay);
        }
        await cases.AppendRetryingAsync(record.Case, new TimelineEntry(sms.SentEntryId, time.GetUtcNow(), TimelineEntryKind.Event, "system",
            $"Svaret skickades som sms till {sms.To}.", []), null, cancellationToken);
        await gate.CompleteAsync(claim, cancellationToken);
        logger.LogInformation("Text message {Purpose} about {CaseReference} sent", sms.Purpose, record.Case.Reference.ToString());
        return (true, null);
    }
}
