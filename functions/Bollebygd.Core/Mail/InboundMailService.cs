using System.Text;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Routing;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Mail;

/// <summary>
/// Turns a stored arriving mail into a case or a timeline entry — exactly once per Message-ID: the first decision
/// (this case, or a new one) is claimed under the mail's key and stands for every redelivery or re-read, even when
/// the case has changed since. A mail with a case reference in its subject, or answering one of our own Message-IDs,
/// continues that case; anything else opens a new case in the mailbox's group. Automatic mail and bounces are kept but
/// never answered; the system's own mail is ignored; a message that cannot be read is kept and flagged for staff. A
/// new case from a person gets a receipt at its From address, at most <see cref="ReceiptsPerSenderPerHour"/> an hour
/// for one sender and <see cref="ReceiptsPerMailboxPerHour"/> for one mailbox.
/// </summary>
public sealed class InboundMailService(
    IRawMailStore rawMail,
    IInboundMailParser parser,
    FunctionMailboxes mailboxes,
    ICaseStore cases,
    ClaimGate gate,
    CaseOpener opener,
    UploadService uploads,
    ITrackingLinks trackingLinks,
    IReceiptAllowance receiptAllowance,
    IOutgoingMailQueue outgoingMail,
    PublicLinks links,
    CaseRouter router,
    TimeProvider time,
    ILogger<InboundMailService> logger)
{
    public const int ReceiptsPerSenderPerHour = 5;
    public const int ReceiptsPerMailboxPerHour = 200;
    public const int MaxTextLength = 20_000;
    public const int MaxFiles = 20;
    public const int MaxNameLength = 100;
    public const string IntakeSource = "e-post";
    public const string ThreadSource = "e-post-svar";
    public const string UnreadableTitle = "E-postmeddelande som inte kunde läsas";
    public const string NoSubject = "(utan ämne)";
    public const string ForgedOursAttention =
        "Meddelandet bär systemets eget meddelande-id men kom inte från en funktionsbrevlåda. Kontrollera avsändaren.";

    public async Task<InboundMailOutcome> ProcessAsync(InboundMailMessage message, CancellationToken cancellationToken)
    {
        var raw = await rawMail.ReadAsync(message.Key, cancellationToken);
        if (raw is null)
        {
            logger.LogCritical("The stored mail {MailKey} in {Mailbox} is missing: it cannot become a case", message.Key, message.Mailbox);
            throw new InvalidOperationException($"The stored mail {message.Key} is missing.");
        }
        var mailbox = mailboxes.Find(message.Mailbox) ?? mailboxes.Default;
        var mail = parser.Parse(raw.Value);
        if (mail.Problem is { } problem)
        {
            logger.LogWarning("Mail {MailKey} to {Mailbox} could not be read: {Problem}", message.Key, mailbox.Name, problem);
            return await OpenCaseAsync(message, mailbox, mail, MailIntent.Unreadable, null, null, cancellationToken);
        }

        var kind = InboundMailRules.Classify(mail.Headers);
        string? attention = null;
        if (kind == InboundMailKind.Ours)
        {
            if (mailboxes.IsFunctionAddress(mail.From?.Address))
            {
                logger.LogInformation("Mail {MailKey} in {Mailbox} is our own; ignored", message.Key, mailbox.Name);
                return new InboundMailOutcome.Ignored();
            }
            logger.LogWarning("Mail {MailKey} in {Mailbox} has one of our Message-IDs but another sender", message.Key, mailbox.Name);
            (kind, attention) = (InboundMailKind.Personal, ForgedOursAttention);
        }

        // A decision taken before stands: this is a redelivery, or a mailbox read again.
        if (await gate.FindAsync(ClaimKey(message), cancellationToken) is { ServiceId: ThreadSource } decided)
        {
            return await ThreadAsync(message, mailbox, mail, kind, decided.CaseId, cancellationToken);
        }
        var target = attention is null ? await FindCaseAsync(mail, cancellationToken) : null;
        if (target is not null && (target.Case.Status != CaseStatus.Closed || kind != InboundMailKind.Personal))
        {
            return await ThreadAsync(message, mailbox, mail, kind, target.Case.Id, cancellationToken);
        }
        var intent = kind == InboundMailKind.Personal ? MailIntent.Personal : MailIntent.Automatic;
        return await OpenCaseAsync(message, mailbox, mail, intent, target?.Case.Reference, attention, cancellationToken);
    }

    private static string ClaimKey(InboundMailMessage message) => "mail-" + message.Key;

    private async Task<CaseRecord?> FindCaseAsync(ParsedMail mail, CancellationToken cancellationToken)
    {
        if (InboundMailRules.ReferenceInSubject(mail.Headers.Subject) is { } reference
            && await cases.FindByReferenceAsync(reference, cancellationToken) is { } byReference)
        {
            return byReference;
        }
        return InboundMailRules.RepliedCaseId(mail.Headers) is { } caseId ? await cases.GetAsync(caseId, cancellationToken) : null;
    }

    private async Task<InboundMailOutcome> ThreadAsync(InboundMailMessage message, FunctionMailbox mailbox, ParsedMail mail,
        InboundMailKind kind, string caseId, CancellationToken cancellationToken)
    {
        var attempt = await gate.EnterAsync(ClaimKey(message), ThreadSource, caseId, CaseOpener.ClaimTakeoverAfter, cancellationToken);
        switch (attempt)
        {
            case ClaimAttempt.Busy:
                return new InboundMailOutcome.InProgress();
            case ClaimAttempt.OtherSource:
                // Another delivery of this mail opened a case for it: that decision stands.
                return await OpenCaseAsync(message, mailbox, mail, MailIntent.Personal, null, null, cancellationToken);
            case ClaimAttempt.Done done:
                var existing = await cases.GetAsync(done.Claim.CaseId, cancellationToken);
                return new InboundMailOutcome.Threaded(done.Claim.CaseId, existing?.Case.Reference ?? default);
        }
        var claim = ((ClaimAttempt.Entered)attempt).Claim;
        var target = await cases.GetAsync(claim.CaseId, cancellationToken)
            ?? throw new InvalidOperationException($"Mail {message.Key} continues case {claim.CaseId}, which is missing.");
        var entryId = "mail-" + message.Key[..32];
        if (target.Timeline.All(e => e.Id != entryId))
        {
            var entry = await ThreadEntryAsync(entryId, message, mail, kind, target.Case, cancellationToken);
            await cases.AppendRetryingAsync(target.Case, entry,
                c => entry.Kind == TimelineEntryKind.CitizenMessage && c.Status == CaseStatus.AwaitingCitizen ? CaseStatus.Complemented : null,
                cancellationToken);
            logger.LogInformation("Mail {MailKey} ({MailKind}) threaded onto {CaseReference}", message.Key, kind, target.Case.Reference.ToString());
        }
        await gate.CompleteAsync(claim, cancellationToken);
        return new InboundMailOutcome.Threaded(target.Case.Id, target.Case.Reference);
    }

    private async Task<TimelineEntry> ThreadEntryAsync(string entryId, InboundMailMessage message, ParsedMail mail, InboundMailKind kind,
        Case target, CancellationToken cancellationToken)
    {
        var (files, refused) = kind == InboundMailKind.Personal ? await KeepFilesAsync(mail, cancellationToken) : ([], []);
        var (entryKind, author, text) = kind switch
        {
            InboundMailKind.Bounce => (TimelineEntryKind.Event, "system",
                $"Ett meddelande kunde inte levereras (svar från {Sender(mail)}, ämne: {Subject(mail)}).\n\n{Body(mail, refused)}"),
            InboundMailKind.Automatic => (TimelineEntryKind.Event, "system",
                $"Automatiskt svar från {Sender(mail)} (ämne: {Subject(mail)}).\n\n{Body(mail, refused)}"),
            _ when IsApplicant(target, mail) => (TimelineEntryKind.CitizenMessage, "citizen", Body(mail, refused)),
            _ => (TimelineEntryKind.OtherPartyMessage, Sender(mail), Body(mail, refused)),
        };
        return new TimelineEntry(entryId, time.GetUtcNow(), entryKind, author, text, files, message.MessageId);
    }

    private async Task<InboundMailOutcome> OpenCaseAsync(InboundMailMessage message, FunctionMailbox mailbox, ParsedMail mail,
        MailIntent intent, CaseReference? closedCase, string? attention, CancellationToken cancellationToken)
    {
        Case? created = null;
        var receiptQueued = false;
        var opening = await opener.OpenAsync(ClaimKey(message), IntakeSource, async (caseId, reference, ct) =>
        {
            var now = time.GetUtcNow();
            var (files, refused) = intent == MailIntent.Personal ? await KeepFilesAsync(mail, ct) : ([], []);
            var replyable = intent == MailIntent.Personal && mail.From is { } from && !mailboxes.IsFunctionAddress(from.Address);
            var routed = intent == MailIntent.Personal
                ? await router.RouteAsync(new RoutingInput(null, mailbox.Name, mailbox.Group, $"{mail.Headers.Subject}\n{mail.Text}"), ct)
                : new RoutingDecision(mailbox.Group, 1, RoutingReason.Source);
            created = NewCase(caseId, reference, mailbox, mail, intent, replyable, attention, now) with { Group = routed.GroupId };
            var entries = new List<TimelineEntry>
            {
                ReceivedEntry(message, mailbox, mail, intent, closedCase, files, refused, now),
                RoutingEntries.Routed(routed, now),
            };

            var sendReceipt = replyable && attention is null;
            if (sendReceipt && !await ReceiptAllowedAsync(mail.From!.Address, mailbox, now, ct))
            {
                sendReceipt = false;
                logger.LogWarning("No receipt for case {CaseReference}: too many receipts this hour", reference.ToString());
                entries.Add(new TimelineEntry("no-receipt", now, TimelineEntryKind.Event, "system",
                    "Ingen mottagningskvittens skickades: avsändaren (eller brevlådan) har redan fått många kvittenser den senaste timmen.", []));
            }
            await cases.CreateAsync(created, entries, ct);
            if (sendReceipt)
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
            case CaseOpening.OtherSource { Source: ThreadSource, CaseId: var threadedOnto }:
                return await ThreadAsync(message, mailbox, mail, InboundMailRules.Classify(mail.Headers), threadedOnto, cancellationToken);
            default:
                return new InboundMailOutcome.InProgress();
        }
    }

    private async Task<bool> ReceiptAllowedAsync(string sender, FunctionMailbox mailbox, DateTimeOffset now, CancellationToken cancellationToken) =>
        await receiptAllowance.TryTakeAsync(sender, now, ReceiptsPerSenderPerHour, cancellationToken)
        && await receiptAllowance.TryTakeAsync("mailbox:" + mailbox.Address, now, ReceiptsPerMailboxPerHour, cancellationToken);

    /// <summary>
    /// The applicant is the From address — never Reply-To, which anyone can set — and only for a person's mail: a case
    /// from an auto-reply, a bounce or one of our own mailboxes has no address to answer.
    /// </summary>
    private static Case NewCase(string caseId, CaseReference reference, FunctionMailbox mailbox, ParsedMail mail, MailIntent intent,
        bool replyable, string? attention, DateTimeOffset now)
    {
        var name = mail.From is null ? "Okänd avsändare" : Limit(mail.From.Name.Length > 0 ? mail.From.Name : mail.From.Address, MaxNameLength);
        var applicant = new Party(Party.Applicant, name, replyable ? mail.From!.Address : null, null, null);
        attention ??= intent == MailIntent.Unreadable
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
            string? error = null;
            if (files.Count(f => !UploadService.IsMessageHtml(f)) >= MaxFiles)
            {
                error = "för många bilagor";
            }
            else if (files.Sum(f => f.Size) + file.Content.Length > UploadPolicy.MaxSubmissionBytes)
            {
                error = UploadPolicy.SubmissionTooLarge;
            }
            else
            {
                var (kept, refusal) = await uploads.AcceptAsync(file.Content, file.Name, cancellationToken);
                if (kept is not null)
                {
                    files.Add(kept);
                    continue;
                }
                error = refusal;
            }
            refused.Add($"{UploadPolicy.CleanName(file.Name)} ({error})");
        }
        return (files, refused);
    }

    private static string Body(ParsedMail mail, IReadOnlyList<string> refused)
    {
        var text = mail.Text.Trim();
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength] + "\n\n[Texten är förkortad. Hela meddelandet finns i originalet.]";
        }
        if (refused.Count > 0)
        {
            // Bounded, like the text: the entry must fit a table property whatever the mail carries.
            var named = string.Join("; ", refused.Take(10));
            var more = refused.Count > 10 ? $" och {refused.Count - 10} till" : "";
            text += $"\n\nBilagor som inte togs emot (de finns kvar i originalmeddelandet): {named}{more}";
        }
        return text.Trim();
    }

    private static string Subject(ParsedMail mail) =>
        MailSubjects.Clean(mail.Headers.Subject ?? "") is { Length: > 0 } subject ? subject : NoSubject;

    private static string Sender(ParsedMail mail) => Limit(mail.From?.Address ?? "okänd avsändare", 254);

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>
    /// Whether the applicant wrote it: the From address, not Reply-To (which anyone can set to the applicant's). Only
    /// then is it a public message on the citizen's status page; anyone else's mail is for staff.
    /// </summary>
    private static bool IsApplicant(Case @case, ParsedMail mail) =>
        @case.Applicant?.Email is { Length: > 0 } email && mail.From?.Address is { } from
        && string.Equals(from.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase);

    private enum MailIntent
    {
        Personal,
        Automatic,
        Unreadable,
    }
}
