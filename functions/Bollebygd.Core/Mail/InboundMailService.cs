using System.Text;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Intake;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Mail;

/// <summary>
/// Turns a stored arriving mail into a case or a timeline entry — exactly once per Message-ID. A mail with a case
/// reference in its subject, or answering one of our own Message-IDs, continues that case; anything else opens a new
/// case in the mailbox's group. Automatic mail and bounces are kept but never answered; the system's own mail is
/// ignored; a message that cannot be read is kept and flagged for staff. A new case from a person gets a receipt,
/// at most <see cref="ReceiptsPerSenderPerHour"/> an hour for one sender.
/// </summary>
public sealed class InboundMailService(
    IRawMailStore rawMail,
    IInboundMailParser parser,
    FunctionMailboxes mailboxes,
    ICaseStore cases,
    CaseOpener opener,
    UploadService uploads,
    ITrackingLinks trackingLinks,
    IReceiptAllowance receiptAllowance,
    IOutgoingMailQueue outgoingMail,
    PublicLinks links,
    TimeProvider time,
    ILogger<InboundMailService> logger)
{
    public const int ReceiptsPerSenderPerHour = 5;
    public const int MaxTextLength = 20_000;
    public const int MaxFiles = 20;
    public const string IntakeSource = "e-post";
    public const string UnreadableTitle = "E-postmeddelande som inte kunde läsas";
    public const string NoSubject = "(utan ämne)";

    public async Task<InboundMailOutcome> ProcessAsync(InboundMailMessage message, CancellationToken cancellationToken)
    {
        var raw = await rawMail.ReadAsync(message.Key, cancellationToken)
            ?? throw new InvalidOperationException($"The stored mail {message.Key} is missing.");
        var mailbox = mailboxes.Find(message.Mailbox) ?? mailboxes.Default;
        var mail = parser.Parse(raw);
        if (mail.Problem is { } problem)
        {
            logger.LogWarning("Mail {MailKey} to {Mailbox} could not be read: {Problem}", message.Key, mailbox.Name, problem);
            return await OpenCaseAsync(message, mailbox, mail, MailIntent.Unreadable, null, cancellationToken);
        }

        var kind = InboundMailRules.Classify(mail.Headers);
        if (kind == InboundMailKind.Ours)
        {
            logger.LogInformation("Mail {MailKey} in {Mailbox} is our own; ignored", message.Key, mailbox.Name);
            return new InboundMailOutcome.Ignored();
        }

        var target = await FindCaseAsync(mail, cancellationToken);
        if (target is not null && (target.Case.Status != CaseStatus.Closed || kind != InboundMailKind.Personal))
        {
            return await ThreadAsync(message, mail, kind, target, cancellationToken);
        }
        var intent = kind == InboundMailKind.Personal ? MailIntent.Personal : MailIntent.Automatic;
        return await OpenCaseAsync(message, mailbox, mail, intent, target?.Case.Reference, cancellationToken);
    }

    private async Task<CaseRecord?> FindCaseAsync(ParsedMail mail, CancellationToken cancellationToken)
    {
        if (InboundMailRules.ReferenceInSubject(mail.Headers.Subject) is { } reference
            && await cases.FindByReferenceAsync(reference, cancellationToken) is { } byReference)
        {
            return byReference;
        }
        return InboundMailRules.RepliedCaseId(mail.Headers) is { } caseId ? await cases.GetAsync(caseId, cancellationToken) : null;
    }

    private async Task<InboundMailOutcome> ThreadAsync(InboundMailMessage message, ParsedMail mail, InboundMailKind kind,
        CaseRecord target, CancellationToken cancellationToken)
    {
        var entryId = "mail-" + message.Key[..32];
        if (target.Timeline.Any(e => e.Id == entryId))
        {
            return new InboundMailOutcome.Threaded(target.Case.Id, target.Case.Reference);
        }
        var fromApplicant = IsApplicant(target.Case, mail);
        var (files, refused) = kind == InboundMailKind.Personal ? await KeepFilesAsync(mail, cancellationToken) : ([], []);
        var (entryKind, author, text) = kind switch
        {
            InboundMailKind.Bounce => (TimelineEntryKind.Event, "system",
                $"Ett meddelande kunde inte levereras (svar från {Sender(mail)}, ämne: {Subject(mail)}).\n\n{Body(mail, refused)}"),
            InboundMailKind.Automatic => (TimelineEntryKind.Event, "system",
                $"Automatiskt svar från {Sender(mail)} (ämne: {Subject(mail)}).\n\n{Body(mail, refused)}"),
            _ when fromApplicant => (TimelineEntryKind.CitizenMessage, "citizen", Body(mail, refused)),
            _ => (TimelineEntryKind.OtherPartyMessage, Sender(mail), Body(mail, refused)),
        };
        var entry = new TimelineEntry(entryId, time.GetUtcNow(), entryKind, author, text, files, message.MessageId);
        await cases.AppendRetryingAsync(target.Case, entry,
            c => entryKind == TimelineEntryKind.CitizenMessage && c.Status == CaseStatus.AwaitingCitizen ? CaseStatus.Complemented : null,
            cancellationToken);
        logger.LogInformation("Mail {MailKey} ({MailKind}) threaded onto {CaseReference}", message.Key, kind, target.Case.Reference.ToString());
        return new InboundMailOutcome.Threaded(target.Case.Id, target.Case.Reference);
    }

    private async Task<InboundMailOutcome> OpenCaseAsync(InboundMailMessage message, FunctionMailbox mailbox, ParsedMail mail,
        MailIntent intent, CaseReference? closedCase, CancellationToken cancellationToken)
    {
        Case? created = null;
        var receiptQueued = false;
        var opening = await opener.OpenAsync("mail-" + message.Key, IntakeSource, async (caseId, reference, ct) =>
        {
            var now = time.GetUtcNow();
            var (files, refused) = intent == MailIntent.Personal ? await KeepFilesAsync(mail, ct) : ([], []);
            created = NewCase(caseId, reference, mailbox, mail, intent, now);
            var entries = new List<TimelineEntry> { ReceivedEntry(message, mailbox, mail, intent, closedCase, files, refused, now) };

            var answerTo = mail.AnswerTo?.Address;
            var allowed = intent == MailIntent.Personal && answerTo is not null && !mailboxes.IsFunctionAddress(answerTo);
            if (allowed && !await receiptAllowance.TryTakeAsync(answerTo!, now, ReceiptsPerSenderPerHour, ct))
            {
                allowed = false;
                logger.LogWarning("No receipt for case {CaseReference}: the sender has had {Limit} receipts this hour", reference.ToString(), ReceiptsPerSenderPerHour);
                entries.Add(new TimelineEntry("no-receipt", now, TimelineEntryKind.Event, "system",
                    $"Ingen mottagningskvittens skickades: avsändaren har redan fått {ReceiptsPerSenderPerHour} kvittenser den senaste timmen.", []));
            }
            await cases.CreateAsync(created, entries, ct);
            if (allowed)
            {
                var token = TrackingToken.Create();
                await trackingLinks.AddAsync(TrackingToken.Hash(token), caseId, ct);
                await outgoingMail.EnqueueAsync(
                    ReceiptMails.ForEmail(created, mail.Headers.Subject, message.MessageId, links.Tracking(token), mailbox), null, ct);
                receiptQueued = true;
            }
        }, cancellationToken);

        switch (opening)
        {
            case CaseOpening.Opened opened:
                logger.LogInformation("Mail {MailKey} to {Mailbox} opened case {CaseReference} ({CaseId})", message.Key, mailbox.Name, opened.Reference.ToString(), opened.CaseId);
                return new InboundMailOutcome.NewCase(opened.CaseId, opened.Reference, receiptQueued);
            case CaseOpening.Existing existing:
                var record = await cases.GetAsync(existing.CaseId, cancellationToken)
                    ?? throw new InvalidOperationException($"Mail {message.Key} became case {existing.CaseId}, which is missing.");
                return new InboundMailOutcome.NewCase(existing.CaseId, record.Case.Reference, ReceiptQueued: false);
            default:
                return new InboundMailOutcome.InProgress();
        }
    }

    private static Case NewCase(string caseId, CaseReference reference, FunctionMailbox mailbox, ParsedMail mail, MailIntent intent, DateTimeOffset now)
    {
        var sender = mail.AnswerTo ?? mail.From;
        var applicant = new Party(Party.Applicant, sender is null ? "Okänd avsändare" : sender.Name.Length > 0 ? sender.Name : sender.Address,
            sender?.Address, null, null);
        var attention = intent == MailIntent.Unreadable
            ? $"Meddelandet kunde inte läsas ({mail.Problem}). Originalet är sparat: öppna det och för in innehållet för hand."
            : null;
        var title = intent == MailIntent.Unreadable ? UnreadableTitle : Subject(mail);
        return new Case(caseId, reference, Channel.Email, null, null, title, mailbox.Group, CaseStatus.Received, now, [applicant], null,
            Mailbox: mailbox.Address, Attention: attention);
    }

    private static TimelineEntry ReceivedEntry(InboundMailMessage message, FunctionMailbox mailbox, ParsedMail mail, MailIntent intent,
        CaseReference? closedCase, IReadOnlyList<Attachment> files, IReadOnlyList<string> refused, DateTimeOffset now)
    {
        var text = new StringBuilder();
        if (intent == MailIntent.Unreadable)
        {
            text.Append($"Ett e-postmeddelande till {mailbox.Address} kunde inte läsas: {mail.Problem}");
        }
        else
        {
            if (closedCase is { } earlier)
            {
                text.Append($"Fortsättning på det avslutade ärendet {earlier}.\n\n");
            }
            if (intent == MailIntent.Automatic)
            {
                text.Append($"Automatiskt meddelande från {Sender(mail)}; ingen kvittens skickas.\n\n");
            }
            text.Append(Body(mail, refused));
        }
        return new TimelineEntry("received", now, TimelineEntryKind.Received, intent == MailIntent.Personal ? "citizen" : "system",
            text.ToString(), files, message.MessageId);
    }

    /// <summary>Attachments through the same checks as a form's files; a refused one is named, and stays in the raw mail.</summary>
    private async Task<(IReadOnlyList<Attachment> Files, IReadOnlyList<string> Refused)> KeepFilesAsync(ParsedMail mail, CancellationToken cancellationToken)
    {
        var files = new List<Attachment>();
        var refused = new List<string>();
        if (mail.SanitizedHtml is { Length: > 0 } html)
        {
            files.Add(await uploads.SaveMessageHtmlAsync(html, cancellationToken));
        }
        foreach (var file in mail.Files)
        {
            if (files.Count(f => !UploadService.IsMessageHtml(f)) >= MaxFiles)
            {
                refused.Add($"{UploadPolicy.CleanName(file.Name)} ({TooManyFiles})");
                continue;
            }
            if (files.Sum(f => f.Size) + file.Content.Length > UploadPolicy.MaxSubmissionBytes)
            {
                refused.Add($"{UploadPolicy.CleanName(file.Name)} ({UploadPolicy.SubmissionTooLarge})");
                continue;
            }
            var (kept, error) = await uploads.AcceptAsync(file.Content, file.Name, cancellationToken);
            if (kept is not null)
            {
                files.Add(kept);
            }
            else
            {
                refused.Add($"{UploadPolicy.CleanName(file.Name)} ({error})");
            }
        }
        return (files, refused);
    }

    private const string TooManyFiles = "för många bilagor";

    private static string Body(ParsedMail mail, IReadOnlyList<string> refused)
    {
        var text = mail.Text.Trim();
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength] + "\n\n[Texten är förkortad. Hela meddelandet finns i originalet.]";
        }
        if (refused.Count > 0)
        {
            text += "\n\nBilagor som inte togs emot (de finns kvar i originalmeddelandet): " + string.Join("; ", refused);
        }
        return text.Trim();
    }

    private static string Subject(ParsedMail mail) =>
        MailSubjects.Clean(mail.Headers.Subject ?? "") is { Length: > 0 } subject ? subject : NoSubject;

    private static string Sender(ParsedMail mail) => mail.From?.Address ?? "okänd avsändare";

    private static bool IsApplicant(Case @case, ParsedMail mail) =>
        @case.Applicant?.Email is { Length: > 0 } email
        && (Same(mail.From?.Address, email) || Same(mail.AnswerTo?.Address, email));

    private static bool Same(string? a, string b) => a is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private enum MailIntent
    {
        Personal,
        Automatic,
        Unreadable,
    }
}
