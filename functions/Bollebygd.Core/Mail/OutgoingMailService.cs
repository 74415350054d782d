using Bollebygd.Core.Cases;
using Bollebygd.Core.Intake;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Mail;

/// <summary>
/// Sends one outgoing mail and writes it on the case's timeline. Idempotent: the timeline entry named by the mail's
/// purpose records that it went out, so a redelivered message sends nothing, and a claim on the Message-ID keeps two
/// handlers of the same mail (a duplicate queue message) from sending it at once. A refusal for good goes on the
/// timeline for staff to see; anything else is retried with backoff (<see cref="MailRetryPolicy"/>) — for a reminder,
/// to the next business instant after it.
/// </summary>
public sealed class OutgoingMailService(ICaseStore cases, IMailSender sender, ClaimGate gate, Sla.BusinessCalendar calendar, TimeProvider time,
    ILogger<OutgoingMailService> logger)
{
    public const string ClaimSource = "utgående e-post";

    /// <summary>How long one handler may hold a mail before another may send it (SMTP times out well before).</summary>
    public static readonly TimeSpan SendingTakeoverAfter = TimeSpan.FromMinutes(2);

    /// <summary>How long a handler that finds the mail being sent waits before it looks again.</summary>
    public static readonly TimeSpan BusyRetryAfter = TimeSpan.FromMinutes(1);

    public async Task<MailDelivery> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(mail.CaseId, cancellationToken)
            ?? throw new InvalidOperationException($"Mail {mail.MessageId} is about case {mail.CaseId}, which does not exist.");
        if (record.Timeline.Any(e => e.Id == mail.SentEntryId))
        {
            logger.LogInformation("Mail {MessageId} was already sent", mail.MessageId);
            return new MailDelivery.AlreadySent();
        }
        if (record.Timeline.FirstOrDefault(e => e.Id == "failed-" + mail.Purpose) is { } refused)
        {
            return new MailDelivery.Rejected(refused.Text);
        }

        var attempt = await gate.EnterAsync("out-" + InboundMailKey.For(mail.MessageId, default).Key, ClaimSource, mail.CaseId,
            SendingTakeoverAfter, cancellationToken);
        switch (attempt)
        {
            case ClaimAttempt.Busy:
                logger.LogInformation("Mail {MessageId} is being sent by another handler; looking again later", mail.MessageId);
                return new MailDelivery.RetryLater(mail, BusyRetryAfter);
            case ClaimAttempt.Done or ClaimAttempt.OtherSource:
                return new MailDelivery.AlreadySent();
        }
        var claim = ((ClaimAttempt.Entered)attempt).Claim;

        try
        {
            await sender.SendAsync(mail, cancellationToken);
        }
        catch (MailRejectedException ex)
        {
            logger.LogWarning("Mail {MessageId} about {CaseReference} was refused: {Reason}", mail.MessageId, record.Case.Reference.ToString(), ex.Message);
            await cases.AppendRetryingAsync(record.Case, new TimelineEntry("failed-" + mail.Purpose, time.GetUtcNow(), TimelineEntryKind.Event, "system",
                $"E-post till {mail.To.Address} kunde inte skickas: {ex.Message}", [], mail.MessageId), null, cancellationToken);
            await CompleteAsync(claim, cancellationToken);
            return new MailDelivery.Rejected(ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Let the next attempt in at once, whenever it comes.
            await gate.UpdateAsync(claim with { ClaimedAt = DateTimeOffset.UnixEpoch }, cancellationToken);
            if (MailRetryPolicy.DelayAfter(mail.Attempt) is not { } delay)
            {
                throw;
            }
            if (mail.IsReminder)
            {
                // A reminder retried is still a reminder: not at night, not on a holiday.
                var now = time.GetUtcNow();
                delay = calendar.NextBusinessInstant(now + delay) - now;
            }
            logger.LogWarning(ex, "Mail {MessageId} could not be sent (attempt {Attempt}); trying again in {Delay}", mail.MessageId, mail.Attempt + 1, delay);
            return new MailDelivery.RetryLater(mail with { Attempt = mail.Attempt + 1 }, delay);
        }

        await cases.AppendRetryingAsync(record.Case, new TimelineEntry(mail.SentEntryId, time.GetUtcNow(), TimelineEntryKind.Event, "system",
            SentText(mail), [], mail.MessageId), null, cancellationToken);
        await CompleteAsync(claim, cancellationToken);
        logger.LogInformation("Mail {MessageId} about {CaseReference} sent", mail.MessageId, record.Case.Reference.ToString());
        return new MailDelivery.Sent();
    }

    public static string SentText(OutgoingMail mail) => mail.Purpose switch
    {
        OutgoingMail.ReceiptPurpose => $"Mottagningskvittens skickad med e-post till {mail.To.Address}.",
        var p when p.StartsWith(OutgoingMail.ReplyPurposePrefix, StringComparison.Ordinal) => $"Svaret skickades med e-post till {mail.To.Address}.",
        var p when p.StartsWith(OutgoingMail.ReminderPurposePrefix, StringComparison.Ordinal) => $"Påminnelse skickad med e-post till {mail.To.Address}.",
        _ => $"E-post skickad till {mail.To.Address}: {mail.Subject}",
    };

    private async Task CompleteAsync(SubmissionClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            await gate.CompleteAsync(claim, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Taken over after a very slow send: the timeline entry already says what happened.
        }
    }
}
