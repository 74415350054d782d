using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;
using Bollebygd.Core.Access;
using Bollebygd.Core.Audit;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Identity;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Sla;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Remiss;

/// <summary>
/// Remiss to an external party: the officer sends a question with an extract of the case; the party gets a mail with a
/// signed link that expires (<see cref="RemissLinkToken"/>) to a small page where they answer, with files; a reminder
/// goes out before the deadline; when it passes unanswered, the case goes back to its group flagged. While it waits the
/// case is <see cref="CaseStatus.AwaitingRemiss"/>, which the SLA policies pause on. Everything is on the timeline.
/// </summary>
public sealed partial class RemissService(
    ICaseStore cases,
    IRemisser remisser,
    IRemissKeys keys,
    IUploadStore uploads,
    IOutgoingMailQueue outgoingMail,
    FunctionMailboxes mailboxes,
    PublicLinks links,
    SlaPolicies policies,
    BusinessCalendar calendar,
    IAuditTrail audit,
    TimeProvider time,
    ILogger<RemissService> logger)
{
    public const int MaxQuestionLength = 4000;
    public const int MaxExtractLength = 10_000;
    public const int MaxNameLength = 200;
    public const string NameMissing = "Skriv vem remissen går till.";
    public const string EmailInvalid = "Skriv en giltig e-postadress, till exempel namn@foretag.se.";
    public const string QuestionMissing = "Skriv vad du vill ha svar på.";
    public const string QuestionTooLong = "Frågan får vara högst 4 000 tecken.";
    public const string ExtractTooLong = "Utdraget får vara högst 10 000 tecken.";
    public const string LastDayInvalid = "Välj ett datum efter i dag och inom ett år.";
    public const string CaseClosed = "Ärendet är avslutat.";

    /// <summary>The reminder goes when this share of the business time to the deadline has passed.</summary>
    public const double RemindAt = 0.75;

    public async Task<(CaseWorkOutcome Outcome, RemissCase? Remiss)> SendAsync(StaffUser user, string caseId, RemissRequest request,
        CancellationToken cancellationToken)
    {
        if (!StaffPermissions.Allows(user, StaffAction.WorkCases))
        {
            return (new CaseWorkOutcome.Forbidden(), null);
        }
        if (!RemissId().IsMatch(request.Id))
        {
            return (CaseWorkOutcome.Invalid.One("id", CaseWorkService.IdInvalid), null);
        }
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return (new CaseWorkOutcome.NotFound(), null);
        }
        if (!user.CanWorkIn(record.Case.Group) || record.Case.Secret && !StaffPermissions.Allows(user, StaffAction.ManageCases))
        {
            return (new CaseWorkOutcome.Forbidden(), null);
        }
        var now = time.GetUtcNow();
        // A retry finds the remiss stored and does the rest again: each step is the same entry, mail and audit id.
        var remiss = await remisser.GetAsync(caseId, request.Id, cancellationToken);
        if (remiss is null)
        {
            var errors = Check(request, now);
            if (!record.Case.IsOpen)
            {
                errors["id"] = [CaseClosed];
            }
            if (errors.Count > 0)
            {
                return (new CaseWorkOutcome.Invalid(errors), null);
            }
            var deadline = request.LastDay is { } day
                ? EndOf(day)
                : calendar.AddBusinessTime(now, policies.For(record.Case, record.Case.Category is { } c ? [c] : []).For(record.Case.Priority).RemissAnswer);
            // What leaves the municipality carries no personal identity numbers, whatever the officer pasted.
            remiss = new RemissCase(caseId, request.Id, request.RecipientName!.Trim(), request.RecipientEmail!.Trim(),
                IdentityNumbersInText.Mask(request.Question!.Trim()),
                request.Extract?.Trim() is { Length: > 0 } extract ? IdentityNumbersInText.Mask(extract) : null, now, deadline, user.Author);
            if (!await remisser.CreateAsync(remiss, cancellationToken))
            {
                remiss = (await remisser.GetAsync(caseId, request.Id, cancellationToken))!;
            }
        }
        var entry = new TimelineEntry("remiss-" + remiss.Id, remiss.SentAt, TimelineEntryKind.Event, user.Author,
            $"Remiss till {remiss.RecipientName} ({remiss.RecipientEmail}), svar senast {SlaReminderTexts.When(remiss.Deadline)}. Fråga: {remiss.Question}", []);
        await cases.AppendRetryingAsync(record.Case, entry, c => c.IsOpen ? CaseStatus.AwaitingRemiss : null, cancellationToken);
        await outgoingMail.EnqueueAsync(await MailAsync(record.Case, remiss, reminder: false, cancellationToken), null, cancellationToken);
        await audit.RecordAsync(new AuditEntry($"{caseId}.{entry.Id}", now, user.Id, "case.remiss", caseId,
            $"Remiss till {remiss.RecipientEmail}"), cancellationToken);
        logger.LogInformation("Case {CaseReference} sent on remiss {RemissId}, due {Deadline}", record.Case.Reference.ToString(), remiss.Id, remiss.Deadline);
        return (new CaseWorkOutcome.Done((await cases.GetAsync(caseId, cancellationToken))!), remiss);
    }

    /// <summary>The page behind a link, or null when the link is not (or no longer) valid.</summary>
    public async Task<RemissView?> ViewAsync(string? token, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, cancellationToken) is not var (remiss, record))
        {
            return null;
        }
        var from = mailboxes.ForCase(record.Case.Mailbox, record.Case.Group);
        return new RemissView(record.Case.Reference.ToString(),
            record.Case.Secret ? CaseSummary.SecretTitle : IdentityNumbersInText.Mask(record.Case.Title), remiss.Question,
            remiss.Extract, remiss.Deadline, from.DisplayName, IsAnswered(remiss, record),
            !IsAnswered(remiss, record) && remiss.Status != RemissStatus.Cancelled && record.Case.IsOpen);
    }

    public async Task<RemissAnswerOutcome> AnswerAsync(string? token, string? text, IReadOnlyList<string> fileIds, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, cancellationToken) is not var (remiss, record))
        {
            return new RemissAnswerOutcome.NotFound();
        }
        if (IsAnswered(remiss, record))
        {
            // Answered — perhaps by an attempt that died before it marked the remiss: finish that.
            await MarkAnsweredAsync(remiss, record, cancellationToken);
            return new RemissAnswerOutcome.Closed();
        }
        if (!record.Case.IsOpen || remiss.Status == RemissStatus.Cancelled)
        {
            return new RemissAnswerOutcome.Closed();
        }
        var content = await MessageContent.ReadAsync(uploads, text, fileIds, cancellationToken);
        if (!content.IsValid)
        {
            return new RemissAnswerOutcome.Invalid(content.Errors);
        }
        var now = time.GetUtcNow();
        // The answer first (it is what must not be lost), then the remiss's state. The case moves on, and a flag for the
        // missing answer goes.
        var entry = new TimelineEntry(AnswerEntryId(remiss), now, TimelineEntryKind.OtherPartyMessage, AuthorOf(remiss), content.Text, content.Files);
        var overdueFlag = OverdueFlag(remiss);
        if (!await cases.UpdateRetryingAsync(record.Case.Id, c => c with
            {
                Status = c.Status == CaseStatus.AwaitingRemiss ? CaseStatus.InProgress : c.Status,
                Attention = c.Attention == overdueFlag ? null : c.Attention,
            }, entry, cancellationToken))
        {
            return new RemissAnswerOutcome.Closed(); // another answer came first
        }
        await MarkAnsweredAsync(remiss, record, cancellationToken);
        logger.LogInformation("Remiss {RemissId} on {CaseReference} answered with {FileCount} file(s)", remiss.Id, record.Case.Reference.ToString(),
            content.Files.Count);
        return new RemissAnswerOutcome.Accepted(record.Case.Id, remiss.InstanceId);
    }

    /// <summary>
    /// The remiss workflow's look: answered or gone → done; the reminder when most of the time is used (in business
    /// time, and only then); at the deadline the case goes back to its group with a flag.
    /// </summary>
    public async Task<RemissStep> FollowUpAsync(string caseId, string remissId, CancellationToken cancellationToken)
    {
        var remiss = await remisser.GetAsync(caseId, remissId, cancellationToken);
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (remiss is null || record is null || remiss.Status != RemissStatus.Sent)
        {
            return new RemissStep(null, Ended: true);
        }
        if (IsAnswered(remiss, record))
        {
            await MarkAnsweredAsync(remiss, record, cancellationToken);
            return new RemissStep(null, Ended: true);
        }
        if (!record.Case.IsOpen)
        {
            await SaveAsync(remiss, r => r.Status == RemissStatus.Sent ? r with { Status = RemissStatus.Cancelled } : r, cancellationToken);
            return new RemissStep(null, Ended: true);
        }
        var now = time.GetUtcNow();
        if (now >= remiss.Deadline)
        {
            await OverdueAsync(remiss, record, now, cancellationToken);
            return new RemissStep(null, Ended: true);
        }
        var remindAt = calendar.AddBusinessTime(remiss.SentAt,
            TimeSpan.FromTicks((long)(calendar.BusinessTimeBetween(remiss.SentAt, remiss.Deadline).Ticks * RemindAt)));
        if (!remiss.Reminded && remindAt < remiss.Deadline)
        {
            if (now < remindAt)
            {
                return new RemissStep(remindAt, Ended: false);
            }
            if (!calendar.IsBusinessTime(now))
            {
                var opens = calendar.NextBusinessInstant(now);
                return new RemissStep(opens < remiss.Deadline ? opens : remiss.Deadline, Ended: false);
            }
            await outgoingMail.EnqueueAsync(await MailAsync(record.Case, remiss, reminder: true, cancellationToken), null, cancellationToken);
            await SaveAsync(remiss, r => r with { Reminded = true }, cancellationToken);
            await cases.AppendRetryingAsync(record.Case, new TimelineEntry($"remiss-{remiss.Id}-reminded", now, TimelineEntryKind.Event, "system",
                $"Påminnelse om remissen skickad till {remiss.RecipientName}.", []), null, cancellationToken);
        }
        return new RemissStep(remiss.Deadline, Ended: false);
    }

    private async Task OverdueAsync(RemissCase remiss, CaseRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var flag = OverdueFlag(remiss);
        // Back to the group's queue, flagged, so someone decides what to do without the answer.
        await cases.UpdateRetryingAsync(record.Case.Id, c => c with
        {
            Status = c.Status == CaseStatus.AwaitingRemiss ? CaseStatus.InProgress : c.Status,
            Attention = flag,
        }, new TimelineEntry($"remiss-{remiss.Id}-overdue", now, TimelineEntryKind.Event, "system", flag, []), cancellationToken);
        await SaveAsync(remiss, r => r.Status == RemissStatus.Sent ? r with { Status = RemissStatus.Overdue } : r, cancellationToken);
        logger.LogWarning("Remiss {RemissId} on {CaseReference} passed its deadline unanswered", remiss.Id, record.Case.Reference.ToString());
    }

    private static string OverdueFlag(RemissCase remiss) =>
        $"Remissvar saknas från {remiss.RecipientName}: det skulle ha kommit senast {SlaReminderTexts.When(remiss.Deadline)}.";

    private static string AnswerEntryId(RemissCase remiss) => "remissvar-" + remiss.Id;

    /// <summary>Answered when the remiss says so or its answer is on the timeline (the state may not have been saved).</summary>
    private static bool IsAnswered(RemissCase remiss, CaseRecord record) =>
        remiss.Status == RemissStatus.Answered || record.Timeline.Any(e => e.Id == AnswerEntryId(remiss));

    private Task MarkAnsweredAsync(RemissCase remiss, CaseRecord record, CancellationToken cancellationToken) =>
        remiss.Status == RemissStatus.Answered
            ? Task.CompletedTask
            : SaveAsync(remiss, r => r with
            {
                Status = RemissStatus.Answered,
                AnsweredAt = record.Timeline.FirstOrDefault(e => e.Id == AnswerEntryId(remiss))?.At ?? time.GetUtcNow(),
            }, cancellationToken);

    /// <summary>Saves <paramref name="change"/> of the remiss, made again on the remiss as it is now after a conflict.</summary>
    private async Task SaveAsync(RemissCase remiss, Func<RemissCase, RemissCase> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var changed = change(remiss);
            if (changed == remiss)
            {
                return; // nothing to change on the remiss as it is now
            }
            try
            {
                await remisser.UpdateAsync(changed, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 8)
            {
                remiss = (await remisser.GetAsync(remiss.CaseId, remiss.Id, cancellationToken))!;
            }
        }
    }

    private async Task<(RemissCase Remiss, CaseRecord Record)?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (RemissLinkToken.Read(await keys.KeyAsync(cancellationToken), token, time.GetUtcNow()) is not var (caseId, remissId))
        {
            return null;
        }
        var remiss = await remisser.GetAsync(caseId, remissId, cancellationToken);
        var record = remiss is null ? null : await cases.GetAsync(caseId, cancellationToken);
        return remiss is null || record is null ? null : (remiss, record);
    }

    private async Task<OutgoingMail> MailAsync(Case @case, RemissCase remiss, bool reminder, CancellationToken cancellationToken)
    {
        var token = RemissLinkToken.Create(await keys.KeyAsync(cancellationToken), remiss.CaseId, remiss.Id, remiss.LinkExpiresAt);
        var from = mailboxes.ForCase(@case.Mailbox, @case.Group);
        var body = new StringBuilder();
        body.AppendLine($"Hej {remiss.RecipientName}!");
        body.AppendLine();
        body.AppendLine(reminder
            ? $"Vi väntar fortfarande på ditt svar på remissen i ärende {@case.Reference}. Svara senast {SlaReminderTexts.When(remiss.Deadline)}."
            : $"{from.DisplayName} ber om ditt svar i ärende {@case.Reference}. Svara senast {SlaReminderTexts.When(remiss.Deadline)}.");
        body.AppendLine();
        body.AppendLine("Frågan:");
        body.AppendLine(remiss.Question);
        body.AppendLine();
        body.AppendLine("Läs ärendet och svara här (du kan bifoga filer):");
        body.AppendLine(links.Remiss(token));
        body.AppendLine();
        body.AppendLine($"Länken är personlig och gäller till {SlaReminderTexts.When(remiss.LinkExpiresAt)}. Skicka inte vidare det här meddelandet.");
        body.AppendLine("Svara genom länken, inte på det här mejlet: då kommer svaret rätt i ärendet.");
        return new OutgoingMail(@case.Id, $"remiss-{remiss.Id}{(reminder ? "-reminder" : "")}",
            new MailContact(from.Address, from.DisplayName), new MailContact(remiss.RecipientEmail, remiss.RecipientName),
            MailSubjects.WithReference(@case.Reference, reminder ? "Påminnelse: remiss från Bollebygds kommun" : "Remiss från Bollebygds kommun"),
            body.ToString(), []);
    }

    /// <summary>The author of an answer on the timeline: <c>remiss:{name}</c>.</summary>
    public static string AuthorOf(RemissCase remiss) => "remiss:" + remiss.RecipientName;

    private Dictionary<string, IReadOnlyList<string>> Check(RemissRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (request.RecipientName?.Trim() is not { Length: > 0 and <= MaxNameLength })
        {
            errors["recipientName"] = [NameMissing];
        }
        if (request.RecipientEmail?.Trim() is not { Length: > 0 and <= 254 } email || !MailAddress.TryCreate(email, out var parsed)
            || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            errors["recipientEmail"] = [EmailInvalid];
        }
        if (request.Question?.Trim() is not { Length: > 0 } question)
        {
            errors["question"] = [QuestionMissing];
        }
        else if (question.Length > MaxQuestionLength)
        {
            errors["question"] = [QuestionTooLong];
        }
        if (request.Extract is { Length: > MaxExtractLength })
        {
            errors["extract"] = [ExtractTooLong];
        }
        var today = SwedishTime.DateOf(now);
        if (request.LastDay is { } day && (day <= today || day > today.AddYears(1)))
        {
            errors["lastDay"] = [LastDayInvalid];
        }
        return errors;
    }

    /// <summary>The end of a Swedish day, as an instant.</summary>
    private static DateTimeOffset EndOf(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(23, 59, 59));
        return new DateTimeOffset(local, SwedishTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    [GeneratedRegex(@"^[A-Za-z0-9-]{8,64}\z")]
    private static partial Regex RemissId();
}
