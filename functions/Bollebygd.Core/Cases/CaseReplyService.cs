using System.Text;
using System.Text.RegularExpressions;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Sms;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Cases;

/// <summary>
/// A reply from staff to the citizen: a public message on the timeline, and an e-mail from the case's function
/// mailbox (never the person's own address) that answers the citizen's latest mail — In-Reply-To and References
/// name the thread, the subject carries the reference — so the citizen's answer threads onto the case again.
/// The client's reply id makes a retried request the same reply, sent once. A reply can go as a text message
/// instead, through the SMS gateway, to the applicant's mobile number.
/// </summary>
public sealed partial class CaseReplyService(
    ICaseStore cases,
    IOutgoingMailQueue outgoingMail,
    ISmsQueue smsQueue,
    ISmsSender smsGateway,
    FunctionMailboxes mailboxes,
    TimeProvider time,
    ILogger<CaseReplyService> logger)
{
    public const int MaxTextLength = 10_000;
    public const string TextMissing = "Skriv ett svar.";
    public const string TextTooLong = "Svaret får vara högst 10 000 tecken.";
    public const string NoAddress = "Ärendet saknar e-postadress. Svara i en annan kanal.";
    public const string ReplyIdInvalid = "Svaret saknar ett giltigt id. Ladda om sidan och försök igen.";
    public const string ReplyAlreadySent = "Svaret är redan skickat. Ladda om ärendet för att se det.";
    public const int MaxSmsLength = 1000;
    public const string SmsTooLong = "Ett sms får vara högst 1 000 tecken.";
    public const string NoMobile = "Ärendet saknar ett mobilnummer. Svara med e-post eller ring.";
    public const string SmsOff = "Sms är inte påslaget. Svara med e-post.";

    public Task<CaseReplyOutcome> ReplyAsync(string caseId, string replyId, string? text, string author, CancellationToken cancellationToken) =>
        ReplyAsync(caseId, replyId, text, author, ReplyChannel.Email, cancellationToken);

    public async Task<CaseReplyOutcome> ReplyAsync(string caseId, string replyId, string? text, string author, ReplyChannel channel,
        CancellationToken cancellationToken)
    {
        text = text?.Trim() ?? "";
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!Enum.IsDefined(channel))
        {
            errors["channel"] = [SmsOff];
        }
        if (!ReplyIdPattern().IsMatch(replyId))
        {
            errors["replyId"] = [ReplyIdInvalid];
        }
        if (text.Length == 0)
        {
            errors["text"] = [TextMissing];
        }
        else if (text.Length > MaxTextLength)
        {
            errors["text"] = [TextTooLong];
        }
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return new CaseReplyOutcome.NotFound();
        }
        var mobile = MobileNumber.Normalise(record.Case.Applicant?.Phone);
        if (channel == ReplyChannel.Email && record.Case.Applicant?.Email is not { Length: > 0 })
        {
            errors["text"] = [NoAddress];
        }
        else if (channel == ReplyChannel.Sms && (!smsGateway.IsConfigured || mobile is null || text.Length > MaxSmsLength))
        {
            errors["channel"] = [!smsGateway.IsConfigured ? SmsOff : mobile is null ? NoMobile : SmsTooLong];
        }
        if (errors.Count > 0)
        {
            return new CaseReplyOutcome.Invalid(errors);
        }

        var entryId = "r" + replyId;
        var entry = new TimelineEntry(entryId, time.GetUtcNow(), TimelineEntryKind.MunicipalityMessage, author, text, []);
        if (!await cases.AppendRetryingAsync(record.Case, entry, c => c.Status == CaseStatus.Received ? CaseStatus.InProgress : null, cancellationToken))
        {
            // A retry: it may send again (the sender sends a purpose once), but only what the timeline shows, one way.
            var stored = (await cases.GetAsync(caseId, cancellationToken))!.Timeline;
            var other = channel == ReplyChannel.Sms ? "sent-reply-" + replyId : "sent-sms-reply-" + replyId;
            if (stored.FirstOrDefault(e => e.Id == entryId)?.Text != text || stored.Any(e => e.Id == other))
            {
                return new CaseReplyOutcome.Invalid(new Dictionary<string, IReadOnlyList<string>> { ["replyId"] = [ReplyAlreadySent] });
            }
        }
        var from = mailboxes.ForCase(record.Case.Mailbox, record.Case.Group);
        if (channel == ReplyChannel.Sms)
        {
            await smsQueue.EnqueueAsync(new OutgoingSms(record.Case.Id, OutgoingMail.ReplyPurposePrefix + replyId, mobile!,
                $"{text}\n\n{from.DisplayName}, ärende {record.Case.Reference}. Det går inte att svara på det här sms:et."), null, cancellationToken);
        }
        else
        {
            await outgoingMail.EnqueueAsync(Mail(record, replyId, text, from), null, cancellationToken);
        }
        logger.LogInformation("Reply {EntryId} on {CaseReference} queued by {Author}", entryId, record.Case.Reference.ToString(), author);
        return new CaseReplyOutcome.Queued(entryId);
    }

    /// <summary>The reply as mail: it answers the citizen's latest mail, and References carries the whole thread.</summary>
    public static OutgoingMail Mail(CaseRecord record, string replyId, string text, FunctionMailbox from)
    {
        var @case = record.Case;
        // The thread is the citizen's mail and ours: not an auto-reply, a bounce or someone else's mail on the case.
        var mails = record.Timeline
            .Where(e => e.MessageId is not null
                        && (MessageIds.IsOurs(e.MessageId) || e.Kind is TimelineEntryKind.Received or TimelineEntryKind.CitizenMessage))
            .ToList();
        var lastFromCitizen = mails.LastOrDefault(e => !MessageIds.IsOurs(e.MessageId));
        var thread = mails.Select(e => e.MessageId!).Where(id => id != lastFromCitizen?.MessageId).Distinct().ToList();
        if (lastFromCitizen is not null)
        {
            thread.Add(lastFromCitizen.MessageId!);
        }
        var subject = @case.Channel == Channel.Email
            ? MailSubjects.Answer(@case.Reference, @case.Title, "Svar på ditt ärende")
            : MailSubjects.WithReference(@case.Reference, $"Svar på ditt ärende: {@case.Title}");
        var applicant = @case.Applicant!;
        return new OutgoingMail(@case.Id, OutgoingMail.ReplyPurposePrefix + replyId, new MailContact(from.Address, from.DisplayName),
            new MailContact(applicant.Email!, applicant.Name), subject, Body(@case, text, from), thread);
    }

    private static string Body(Case @case, string text, FunctionMailbox from)
    {
        var body = new StringBuilder();
        body.AppendLine($"Hej {@case.Applicant?.Name}!");
        body.AppendLine();
        body.AppendLine(text);
        body.AppendLine();
        body.AppendLine("Med vänliga hälsningar");
        body.AppendLine(from.DisplayName);
        body.AppendLine();
        body.AppendLine($"Ärende {@case.Reference}. Du kan svara på det här meddelandet. Låt ärendenumret stå kvar i ämnesraden.");
        return body.ToString();
    }

    [GeneratedRegex(@"^[A-Za-z0-9-]{8,64}\z")]
    private static partial Regex ReplyIdPattern();
}
