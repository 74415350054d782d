using Bollebygd.Core.Operations;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Mail;

/// <summary>
/// Reads each function mailbox under a lease: every message after the watermark is stored raw, then queued for
/// processing, then flagged (or moved), then the watermark advances — so a crash at any point leaves the message to
/// be read again, and the Message-ID makes the second reading a no-op. A mailbox that cannot be read raises an
/// operator alert; the others are still read.
/// </summary>
public sealed class MailboxPoller(
    FunctionMailboxes mailboxes,
    IMailboxLeases leases,
    IMailboxReader reader,
    IRawMailStore rawMail,
    IInboundMailQueue queue,
    IOperatorAlerts alerts,
    TimeProvider time,
    ILogger<MailboxPoller> logger)
{
    /// <summary>At most this many messages per mailbox and poll, so a poll ends well inside its lease.</summary>
    public const int BatchSize = 50;

    public async Task<IReadOnlyList<MailboxPollResult>> PollAllAsync(CancellationToken cancellationToken)
    {
        var results = new List<MailboxPollResult>();
        foreach (var mailbox in mailboxes.All)
        {
            results.Add(await PollAsync(mailbox, cancellationToken));
        }
        return results;
    }

    public async Task<MailboxPollResult> PollAsync(FunctionMailbox mailbox, CancellationToken cancellationToken)
    {
        var source = AlertSource(mailbox);
        try
        {
            var result = await PollUnderLeaseAsync(mailbox, cancellationToken);
            if (result.Polled)
            {
                await alerts.ResolveAsync(source, cancellationToken);
            }
            return result;
        }
        catch (MailboxLeaseLostException)
        {
            // Polling took longer than the lease; the poller that holds it now reads on from the watermark.
            logger.LogWarning("Mailbox {Mailbox}: the lease ran out during the poll; another poller continues", mailbox.Name);
            return MailboxPollResult.Busy(mailbox.Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Mailbox {Mailbox} could not be read", mailbox.Name);
            var now = time.GetUtcNow();
            var open = (await alerts.ListOpenAsync(cancellationToken)).FirstOrDefault(a => a.Source == source);
            await alerts.RaiseAsync(new OperatorAlert(source, OperatorAlertKinds.MailboxUnreadable,
                $"Funktionsbrevlådan {mailbox.Address} kunde inte läsas: {ex.Message}", (open?.Count ?? 0) + 1, open?.FirstSeen ?? now, now), cancellationToken);
            return new MailboxPollResult(mailbox.Name, true, 0, ex.Message);
        }
    }

    public static string AlertSource(FunctionMailbox mailbox) => "mailbox:" + mailbox.Name;

    private async Task<MailboxPollResult> PollUnderLeaseAsync(FunctionMailbox mailbox, CancellationToken cancellationToken)
    {
        await using var lease = await leases.TryAcquireAsync(mailbox.Name, cancellationToken);
        if (lease is null)
        {
            logger.LogInformation("Mailbox {Mailbox} is being read by another poller", mailbox.Name);
            return MailboxPollResult.Busy(mailbox.Name);
        }
        await using var session = await reader.OpenAsync(mailbox, cancellationToken);
        var watermark = lease.Watermark;
        var after = watermark.LastUidFor(session.UidValidity, session.UidNext);
        if (after == 0 && watermark.LastUid > 0)
        {
            logger.LogWarning("Mailbox {Mailbox}: its UIDs started over; reading it from the start", mailbox.Name);
        }
        var uids = (await session.ListAfterAsync(after, cancellationToken)).Take(BatchSize).ToList();
        foreach (var uid in uids)
        {
            await lease.RenewAsync(cancellationToken);
            var fetched = await session.FetchAsync(uid, cancellationToken);
            var key = InboundMailKey.For(fetched.MessageId, fetched.Raw.Span);
            await rawMail.SaveAsync(key.Key, fetched.Raw, cancellationToken);
            await queue.EnqueueAsync(new InboundMailMessage(mailbox.Name, key.MessageId, key.Key, time.GetUtcNow()), cancellationToken);
            await session.MarkProcessedAsync(uid, cancellationToken);
            watermark = new MailboxWatermark(session.UidValidity, uid);
            await lease.AdvanceAsync(watermark, cancellationToken);
        }
        if (uids.Count > 0)
        {
            logger.LogInformation("Mailbox {Mailbox}: {Count} message(s) stored and queued", mailbox.Name, uids.Count);
        }
        else if (watermark.UidValidity != session.UidValidity || after != watermark.LastUid)
        {
            await lease.AdvanceAsync(new MailboxWatermark(session.UidValidity, 0), cancellationToken);
        }
        return new MailboxPollResult(mailbox.Name, true, uids.Count);
    }
}
