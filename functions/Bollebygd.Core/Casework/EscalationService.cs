using System.Text;
using System.Text.RegularExpressions;
using Bollebygd.Core.Access;
using Bollebygd.Core.Audit;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Routing;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Casework;

/// <summary>
/// Escalation in one step: to a specialist group (the case moves there as Eskalerad, unassigned, and the move is
/// routing training data), or a "för kännedom" copy that tells the group by mail to its function mailbox, with a
/// link to the case, and moves nothing. Both are on the timeline and in the audit log.
/// </summary>
public sealed partial class EscalationService(
    ICaseStore cases,
    CompetenceGroups groups,
    FunctionMailboxes mailboxes,
    IOutgoingMailQueue outgoingMail,
    PublicLinks links,
    CaseRouter router,
    IAuditTrail audit,
    TimeProvider time,
    ILogger<EscalationService> logger)
{
    public const int MaxNoteLength = 4000;
    public const string SameGroup = "Ärendet ligger redan i den gruppen.";
    public const string NoteTooLong = "Meddelandet får vara högst 4 000 tecken.";

    public async Task<CaseWorkOutcome> EscalateAsync(StaffUser user, string caseId, Escalation escalation, CancellationToken cancellationToken)
    {
        if (!StaffPermissions.Allows(user, StaffAction.WorkCases))
        {
            return new CaseWorkOutcome.Forbidden();
        }
        if (!EscalationId().IsMatch(escalation.Id))
        {
            return CaseWorkOutcome.Invalid.One("id", CaseWorkService.IdInvalid);
        }
        if (!groups.Exists(escalation.Group))
        {
            return CaseWorkOutcome.Invalid.One("group", CaseWorkService.UnknownGroup);
        }
        if (escalation.Note is { Length: > MaxNoteLength })
        {
            return CaseWorkOutcome.Invalid.One("note", NoteTooLong);
        }
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return new CaseWorkOutcome.NotFound();
        }
        if (!user.CanWorkIn(record.Case.Group) || record.Case.Secret && !StaffPermissions.Allows(user, StaffAction.ManageCases))
        {
            return new CaseWorkOutcome.Forbidden();
        }
        var entryId = "x" + escalation.Id;
        if (record.Timeline.Any(e => e.Id == entryId))
        {
            return new CaseWorkOutcome.Done(record); // a retry
        }
        var groupName = groups.Find(escalation.Group)!.Name;
        var note = escalation.Note?.Trim() is { Length: > 0 } n ? n : null;
        var now = time.GetUtcNow();
        if (escalation.CopyOnly)
        {
            var entry = new TimelineEntry(entryId, now, TimelineEntryKind.Event, user.Author,
                $"För kännedom till {groupName}.{(note is null ? "" : " " + note)}", []);
            await cases.AppendRetryingAsync(record.Case, entry, null, cancellationToken);
            await outgoingMail.EnqueueAsync(CopyMail(record.Case, escalation, groupName, note, user), null, cancellationToken);
            await RecordAsync(user, "case.copy", caseId, entry, cancellationToken);
        }
        else
        {
            if (escalation.Group == record.Case.Group)
            {
                return CaseWorkOutcome.Invalid.One("group", SameGroup);
            }
            var entry = new TimelineEntry(entryId, now, TimelineEntryKind.Event, user.Author,
                $"Eskalerat till {groupName}.{(note is null ? "" : " " + note)}", []);
            try
            {
                var moved = await cases.UpdateAsync(record.Case,
                    record.Case with { Group = escalation.Group, Status = CaseStatus.Escalated, Assignee = null }, entry, cancellationToken);
                if (!moved.Secret)
                {
                    await router.LearnAsync(caseId, record.Case.Title + "\n" + (record.Timeline.FirstOrDefault(e => e.Kind == TimelineEntryKind.Received)?.Text ?? ""),
                        escalation.Group, cancellationToken);
                }
            }
            catch (ConcurrencyConflictException)
            {
                return new CaseWorkOutcome.Conflict();
            }
            await RecordAsync(user, "case.escalate", caseId, entry, cancellationToken);
        }
        logger.LogInformation("Case {CaseReference} {Kind} to {Group} by {UserId}", record.Case.Reference.ToString(),
            escalation.CopyOnly ? "copied" : "escalated", escalation.Group, user.Id);
        return new CaseWorkOutcome.Done((await cases.GetAsync(caseId, cancellationToken))!);
    }

    /// <summary>"För kännedom" to the group's function mailbox: what, why, and the link — never the citizen's details.</summary>
    private OutgoingMail CopyMail(Case @case, Escalation escalation, string groupName, string? note, StaffUser user)
    {
        var to = mailboxes.ForCase(null, escalation.Group);
        var from = mailboxes.ForCase(@case.Mailbox, @case.Group);
        var body = new StringBuilder();
        body.AppendLine($"Hej {groupName}!");
        body.AppendLine();
        body.AppendLine($"{user.Name} skickar ärende {@case.Reference} till er för kännedom. Ärendet ligger kvar hos sin grupp; ni behöver inte göra något.");
        if (note is not null)
        {
            body.AppendLine();
            body.AppendLine(note);
        }
        body.AppendLine();
        body.AppendLine($"Öppna ärendet (logga in först): {links.StaffCase(@case.Id)}");
        return new OutgoingMail(@case.Id, "copy-" + escalation.Id, new MailContact(from.Address, from.DisplayName), new MailContact(to.Address, groupName),
            MailSubjects.WithReference(@case.Reference, "För kännedom"), body.ToString(), []);
    }

    private Task RecordAsync(StaffUser user, string action, string caseId, TimelineEntry entry, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry($"{caseId}.{entry.Id}", time.GetUtcNow(), user.Id, action, caseId,
            entry.Text.Length > AuditEntry.MaxDetailLength ? entry.Text[..AuditEntry.MaxDetailLength] : entry.Text), cancellationToken);

    [GeneratedRegex(@"^[A-Za-z0-9-]{8,64}\z")]
    private static partial Regex EscalationId();
}
