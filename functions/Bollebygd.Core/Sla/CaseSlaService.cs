using System.Security.Cryptography;
using System.Text;
using Bollebygd.Core.Access;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Routing;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Sla;

/// <summary>
/// One step of a case's SLA workflow (the CaseSla orchestration's activity): reads the case, evaluates it, gives the
/// reminders that are due — a mail to each person through the outgoing-mail queue and a line on the timeline, each
/// under its notice's key so a retried step gives nothing twice — and stores where the case stands for its card and
/// the queues. Whoever cannot be reached by mail is replaced by the group's function mailbox: a reminder never
/// vanishes for want of an address.
/// </summary>
public sealed class CaseSlaService(
    ICaseStore cases,
    ICaseSlaRecords records,
    CaseSlaEvaluator evaluator,
    IStaffDirectory staff,
    SlaSupervisors supervisors,
    CompetenceGroups groups,
    FunctionMailboxes mailboxes,
    IOutgoingMailQueue outgoingMail,
    PublicLinks links,
    TimeProvider time,
    ILogger<CaseSlaService> logger)
{
    public const string Author = "system";

    public async Task<SlaEvaluation> EvaluateAsync(CaseSlaState state, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(state.CaseId, cancellationToken);
        var now = time.GetUtcNow();
        var evaluation = evaluator.Evaluate(state, record, now);
        if (record is null)
        {
            logger.LogWarning("SLA of case {CaseId} ended: the case does not exist", state.CaseId);
            return evaluation;
        }
        foreach (var notice in evaluation.Notices)
        {
            await GiveAsync(record.Case, notice, cancellationToken);
        }
        var before = await records.GetAsync(record.Case.Id, cancellationToken);
        var delayDue = before?.DelayNoticeDueSince
            ?? (evaluation.Notices.Any(n => n.Kind == SlaNoticeKind.DelayNotice) ? now : null);
        await records.SaveAsync(record.Case, new CaseSlaRecord(evaluation.State, now, delayDue), cancellationToken);
        logger.LogInformation("SLA of case {CaseReference}: {Level} ({Target}) due {DueAt}, {Notices} reminders, next look {WakeAt}",
            record.Case.Reference.ToString(), evaluation.Standing?.Level, evaluation.Standing?.Target, evaluation.Standing?.DueAt,
            evaluation.Notices.Count, evaluation.WakeAt);
        return evaluation;
    }

    /// <summary>The state the case's last evaluation left, to go on from; null before its first.</summary>
    public async Task<CaseSlaState?> LastStateAsync(string caseId, CancellationToken cancellationToken) =>
        (await records.GetAsync(caseId, cancellationToken))?.State;

    /// <summary>Where a case stands now, for its card; null before its first evaluation.</summary>
    public async Task<(CaseSlaRecord Record, SlaStanding Standing)?> StandingAsync(string caseId, CancellationToken cancellationToken) =>
        await records.GetAsync(caseId, cancellationToken) is { } record
            ? (record, evaluator.Standing(record.Tracker, time.GetUtcNow()))
            : null;

    private async Task GiveAsync(Case @case, SlaNotice notice, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        if (notice.Kind != SlaNoticeKind.DelayNotice)
        {
            var groupName = groups.Find(@case.Group)?.Name ?? @case.Group;
            var from = mailboxes.ForCase(@case.Mailbox, @case.Group);
            foreach (var to in await RecipientsAsync(@case, notice.Recipient, cancellationToken))
            {
                var remaining = evaluator.Calendar.BusinessTimeBetween(time.GetUtcNow(), notice.DueAt);
                await outgoingMail.EnqueueAsync(new OutgoingMail(@case.Id, $"{OutgoingMail.ReminderPurposePrefix}{notice.Key}-{Short(to.Address)}",
                    new MailContact(from.Address, from.DisplayName), to,
                    MailSubjects.WithReference(@case.Reference, SlaReminderTexts.Subject(notice)),
                    SlaReminderTexts.Body(@case, notice, to.Name, groupName, remaining, links.StaffCase(@case.Id)), []), null, cancellationToken);
                names.Add(to.Name);
            }
        }
        var entry = new TimelineEntry(CaseSlaEvaluator.NoticeEntryPrefix + notice.Key, time.GetUtcNow(), TimelineEntryKind.Event, Author,
            SlaReminderTexts.TimelineText(notice, names), []);
        await cases.AppendRetryingAsync(@case, entry, null, cancellationToken);
        logger.LogInformation("SLA {Kind} for case {CaseReference} ({Target}, step {Step}) to {Recipients}",
            notice.Kind, @case.Reference.ToString(), notice.Target, notice.Step, names.Count);
    }

    private async Task<IReadOnlyList<MailContact>> RecipientsAsync(Case @case, SlaRecipient recipient, CancellationToken cancellationToken)
    {
        var group = groups.Find(@case.Group);
        var found = recipient switch
        {
            SlaRecipient.Assignee when @case.Assignee is { } assignee =>
                await staff.FindAsync(assignee.Id, cancellationToken) is { Email: { Length: > 0 } email } profile
                    ? [new MailContact(email, profile.Name)]
                    : [],
            SlaRecipient.Assignee => [],
            SlaRecipient.Supervisor when supervisors.Of(@case.Group) is { } supervisor => [supervisor],
            _ => (await staff.LeadsOfAsync(@case.Group, cancellationToken))
                .Where(p => p.Email is { Length: > 0 }).Select(p => new MailContact(p.Email!, p.Name)).ToList(),
        };
        if (found.Count > 0)
        {
            return found;
        }
        var mailbox = mailboxes.ForCase(null, @case.Group);
        return [new MailContact(mailbox.Address, group?.Name ?? @case.Group)];
    }

    private static string Short(string address) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant())))[..8].ToLowerInvariant();
}
