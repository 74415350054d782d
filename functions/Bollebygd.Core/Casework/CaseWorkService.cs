using System.Text.RegularExpressions;
using Bollebygd.Core.Access;
using Bollebygd.Core.Audit;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Routing;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Casework;

/// <summary>
/// What staff do to a case: open its card, change status, priority, category, assignee or group, write an internal
/// note or a reply, merge a duplicate, link a related case. Every action checks the user's role and groups, every
/// edit is guarded by the ETag the user read (a stale one is a conflict, never a lost update), and every change goes
/// on the timeline and into the audit log.
/// </summary>
public sealed partial class CaseWorkService(
    ICaseStore cases,
    CaseReplyService replies,
    CompetenceGroups groups,
    IAuditTrail audit,
    IAuditLog auditLog,
    CaseRouter router,
    TimeProvider time,
    ILogger<CaseWorkService> logger)
{
    public const int MaxNoteLength = 10_000;
    public const int MaxCategoryLength = 100;
    public const string NoteMissing = "Skriv en anteckning.";
    public const string NoteTooLong = "Anteckningen får vara högst 10 000 tecken.";
    public const string IdInvalid = "Åtgärden saknar ett giltigt id. Ladda om sidan och försök igen.";
    public const string UnknownGroup = "Gruppen finns inte.";
    public const string NothingChanged = "Ingenting ändrades.";
    public const string CategoryTooLong = "Kategorin får vara högst 100 tecken.";
    public const string MergeIntoItself = "Ett ärende kan inte slås ihop med sig självt.";
    public const string MergeIntoClosed = "Ärendet du slår ihop med är avslutat.";
    public const string AlreadyMerged = "Ärendet är redan sammanslaget med ett annat.";
    public const int MaxNameLength = 200;
    public const string AssigneeTooLong = "Handläggarens id och namn får vara högst 200 tecken.";

    public async Task<CaseWorkOutcome> GetCardAsync(StaffUser user, string caseId, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return new CaseWorkOutcome.NotFound();
        }
        // A registrator registers the cases of every group, so reads any case that is not secret.
        var registrator = user.Has(StaffRole.Registrator) && !record.Case.Secret && StaffPermissions.Allows(user, StaffAction.ReadCases);
        if (!Allowed(user, record.Case, StaffAction.ReadCases) && !registrator)
        {
            return new CaseWorkOutcome.Forbidden();
        }
        if (record.Case.Secret)
        {
            // Who read a secret case, and when, is for the audit log.
            await AuditAsync(user, "case.read", caseId, null, cancellationToken, "Läste sekretessärendet.");
        }
        return new CaseWorkOutcome.Done(record);
    }

    /// <summary>What was done to the case, by whom and when: for leads and admins of the case's group.</summary>
    public async Task<(CaseWorkOutcome Outcome, IReadOnlyList<AuditEntry> Entries)> GetAuditAsync(StaffUser user, string caseId,
        CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return (new CaseWorkOutcome.NotFound(), []);
        }
        if (!Allowed(user, record.Case, StaffAction.ReadAudit))
        {
            return (new CaseWorkOutcome.Forbidden(), []);
        }
        return (new CaseWorkOutcome.Done(record), await auditLog.ListBySubjectAsync(caseId, cancellationToken));
    }

    public async Task<CaseWorkOutcome> ChangeAsync(StaffUser user, string caseId, string? etag, CaseChange change, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return new CaseWorkOutcome.NotFound();
        }
        var before = record.Case;
        if (!Allowed(user, before, StaffAction.WorkCases))
        {
            return new CaseWorkOutcome.Forbidden();
        }
        if (etag is null || etag != before.ETag)
        {
            return new CaseWorkOutcome.Conflict();
        }
        if (change.Category is { Length: > MaxCategoryLength })
        {
            return CaseWorkOutcome.Invalid.One("category", CategoryTooLong);
        }
        if (change.Group is { } group && !groups.Exists(group))
        {
            return CaseWorkOutcome.Invalid.One("group", UnknownGroup);
        }
        if (change.Status is { } status && !Enum.IsDefined(status) || change.Priority is { } priority && !Enum.IsDefined(priority))
        {
            return CaseWorkOutcome.Invalid.One("change", NothingChanged);
        }
        if (change.AssigneeId is { Length: > MaxNameLength } || change.AssigneeName is { Length: > MaxNameLength })
        {
            return CaseWorkOutcome.Invalid.One("assigneeId", AssigneeTooLong);
        }
        if (before.Secret && change.Group is { } moveTo && moveTo != before.Group && !StaffPermissions.Allows(user, StaffAction.ManageCases))
        {
            // A secret case leaves its group only by a lead's decision.
            return new CaseWorkOutcome.Forbidden();
        }

        if (change.Secret is { } secret && secret != before.Secret && !StaffPermissions.Allows(user, StaffAction.ManageCases))
        {
            return new CaseWorkOutcome.Forbidden();
        }
        var assignee = before.Assignee;
        if (change.AssigneeId is { } assigneeId)
        {
            if (assigneeId.Length == 0)
            {
                assignee = null;
            }
            else if (assigneeId == "me" || assigneeId == user.Id)
            {
                assignee = new Assignee(user.Id, user.Name);
            }
            else if (!StaffPermissions.Allows(user, StaffAction.ManageCases))
            {
                // Taking a case is everyone's; handing it to someone else is the lead's.
                return new CaseWorkOutcome.Forbidden();
            }
            else
            {
                assignee = new Assignee(assigneeId, change.AssigneeName is { Length: > 0 } name ? name : assigneeId);
            }
        }
        var changed = before with
        {
            Status = change.Status ?? before.Status,
            Priority = change.Priority ?? before.Priority,
            Category = change.Category is null ? before.Category : change.Category.Trim() is { Length: > 0 } c ? c : null,
            Assignee = assignee,
            Group = change.Group ?? before.Group,
            Secret = change.Secret ?? before.Secret,
        };
        // A case moved to another group leaves its assignee behind, unless they work there too.
        if (changed.Group != before.Group && change.AssigneeId is null)
        {
            changed = changed with { Assignee = null };
        }
        var described = Describe(before, changed);
        if (described.Count == 0)
        {
            return CaseWorkOutcome.Invalid.One("change", NothingChanged);
        }
        var entry = new TimelineEntry("c" + Guid.NewGuid().ToString("N"), time.GetUtcNow(), TimelineEntryKind.Event, user.Author,
            string.Join(" ", described), []);
        try
        {
            var stored = await cases.UpdateAsync(before, changed, entry, cancellationToken);
            await AuditAsync(user, "case.change", stored.Id, entry, cancellationToken);
            if (!stored.Secret && (changed.Group != before.Group || changed.Status == CaseStatus.Closed && before.Status != CaseStatus.Closed))
            {
                // A re-routed or closed case says where it truly belonged: the router learns from it.
                await router.LearnAsync(stored.Id, RoutingText(record), stored.Group, cancellationToken);
            }
            logger.LogInformation("Case {CaseReference} changed by {UserId}: {Change}", stored.Reference.ToString(), user.Id, entry.Text);
            return new CaseWorkOutcome.Done((await cases.GetAsync(caseId, cancellationToken))!);
        }
        catch (ConcurrencyConflictException)
        {
            return new CaseWorkOutcome.Conflict();
        }
    }

    public async Task<CaseWorkOutcome> AddNoteAsync(StaffUser user, string caseId, string noteId, string? text, CancellationToken cancellationToken)
    {
        text = text?.Trim() ?? "";
        if (!ActionId().IsMatch(noteId))
        {
            return CaseWorkOutcome.Invalid.One("noteId", IdInvalid);
        }
        if (text.Length == 0 || text.Length > MaxNoteLength)
        {
            return CaseWorkOutcome.Invalid.One("text", text.Length == 0 ? NoteMissing : NoteTooLong);
        }
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return new CaseWorkOutcome.NotFound();
        }
        if (!Allowed(user, record.Case, StaffAction.WorkCases))
        {
            return new CaseWorkOutcome.Forbidden();
        }
        var entry = new TimelineEntry("n" + noteId, time.GetUtcNow(), TimelineEntryKind.InternalNote, user.Author, text, []);
        if (await cases.AppendRetryingAsync(record.Case, entry, null, cancellationToken))
        {
            await AuditAsync(user, "case.note", caseId, entry, cancellationToken);
        }
        return new CaseWorkOutcome.Done((await cases.GetAsync(caseId, cancellationToken))!);
    }

    public async Task<CaseWorkOutcome> ReplyAsync(StaffUser user, string caseId, string replyId, string? text, ReplyChannel channel,
        CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(caseId, cancellationToken);
        if (record is null)
        {
            return new CaseWorkOutcome.NotFound();
        }
        if (!Allowed(user, record.Case, StaffAction.WorkCases))
        {
            return new CaseWorkOutcome.Forbidden();
        }
        switch (await replies.ReplyAsync(caseId, replyId, text, user.Author, channel, cancellationToken))
        {
            case CaseReplyOutcome.Invalid invalid:
                return new CaseWorkOutcome.Invalid(invalid.Errors);
            case CaseReplyOutcome.NotFound:
                return new CaseWorkOutcome.NotFound();
        }
        await AuditAsync(user, "case.reply", caseId, null, cancellationToken, "r" + replyId);
        return new CaseWorkOutcome.Done((await cases.GetAsync(caseId, cancellationToken))!);
    }

    /// <summary>
    /// Merges a duplicate into another case: the duplicate is closed and points at the other, which links back;
    /// both timelines say so. Leads and admins only.
    /// </summary>
    public async Task<CaseWorkOutcome> MergeAsync(StaffUser user, string duplicateId, string? etag, string intoId, CancellationToken cancellationToken)
    {
        var duplicate = await cases.GetAsync(duplicateId, cancellationToken);
        var into = await cases.GetAsync(intoId, cancellationToken);
        if (duplicate is null || into is null)
        {
            return new CaseWorkOutcome.NotFound();
        }
        if (!Allowed(user, duplicate.Case, StaffAction.ManageCases) || !Allowed(user, into.Case, StaffAction.ManageCases))
        {
            return new CaseWorkOutcome.Forbidden();
        }
        if (duplicateId == intoId)
        {
            return CaseWorkOutcome.Invalid.One("into", MergeIntoItself);
        }
        if (!into.Case.IsOpen || into.Case.MergedInto is not null)
        {
            return CaseWorkOutcome.Invalid.One("into", MergeIntoClosed);
        }
        if (duplicate.Case.MergedInto is not null)
        {
            return CaseWorkOutcome.Invalid.One("into", AlreadyMerged);
        }
        if (etag is null || etag != duplicate.Case.ETag)
        {
            return new CaseWorkOutcome.Conflict();
        }
        var now = time.GetUtcNow();
        try
        {
            // The case that stays is written first, guarded by the version just read: so it cannot at the same
            // moment be merged away into the duplicate (two leads merging A into B and B into A).
            // If the duplicate then turns out changed, the two cases are merely linked, which is true anyway.
            var stays = await cases.UpdateAsync(into.Case, into.Case with { LinkedCases = Add(into.Case.Links, duplicateId) },
                new TimelineEntry("link-" + duplicateId, now, TimelineEntryKind.Event, user.Author, $"Länkat till {duplicate.Case.Reference}.", []),
                cancellationToken);
            await cases.UpdateAsync(duplicate.Case,
                duplicate.Case with { Status = CaseStatus.Closed, MergedInto = intoId, LinkedCases = Add(duplicate.Case.Links, intoId) },
                new TimelineEntry("merged", now, TimelineEntryKind.Event, user.Author,
                    $"Sammanslaget med {into.Case.Reference}: ärendet hanteras där.", []), cancellationToken);
            await cases.AppendRetryingAsync(stays, new TimelineEntry("merged-" + duplicateId, now, TimelineEntryKind.Event, user.Author,
                $"Dubbletten {duplicate.Case.Reference} slogs ihop med det här ärendet.", []), null, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return new CaseWorkOutcome.Conflict();
        }
        await AuditAsync(user, "case.merge", duplicateId, null, cancellationToken, intoId);
        return new CaseWorkOutcome.Done((await cases.GetAsync(intoId, cancellationToken))!);
    }

    /// <summary>Links two related cases both ways.</summary>
    public async Task<CaseWorkOutcome> LinkAsync(StaffUser user, string caseId, string otherId, CancellationToken cancellationToken)
    {
        var one = await cases.GetAsync(caseId, cancellationToken);
        var other = await cases.GetAsync(otherId, cancellationToken);
        if (one is null || other is null)
        {
            return new CaseWorkOutcome.NotFound();
        }
        if (!Allowed(user, one.Case, StaffAction.WorkCases) || !Allowed(user, other.Case, StaffAction.ReadCases))
        {
            return new CaseWorkOutcome.Forbidden();
        }
        if (caseId == otherId)
        {
            return CaseWorkOutcome.Invalid.One("caseId", "Ett ärende kan inte länkas till sig självt.");
        }
        var now = time.GetUtcNow();
        await AddLinkAsync(one.Case, otherId, new TimelineEntry("link-" + otherId, now, TimelineEntryKind.Event, user.Author,
            $"Länkat till {other.Case.Reference}.", []), cancellationToken);
        await AddLinkAsync(other.Case, caseId, new TimelineEntry("link-" + caseId, now, TimelineEntryKind.Event, user.Author,
            $"Länkat till {one.Case.Reference}.", []), cancellationToken);
        await AuditAsync(user, "case.link", caseId, null, cancellationToken, otherId);
        return new CaseWorkOutcome.Done((await cases.GetAsync(caseId, cancellationToken))!);
    }

    private async Task AddLinkAsync(Case @case, string otherId, TimelineEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (@case.Links.Contains(otherId))
            {
                return;
            }
            try
            {
                await cases.UpdateAsync(@case, @case with { LinkedCases = Add(@case.Links, otherId) }, entry, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                // A link only adds: read again and add it to whatever the case is now.
                @case = (await cases.GetAsync(@case.Id, cancellationToken))!.Case;
            }
        }
    }

    private static string RoutingText(CaseRecord record) =>
        record.Case.Title + "\n" + (record.Timeline.FirstOrDefault(e => e.Kind == TimelineEntryKind.Received)?.Text ?? "");

    private static IReadOnlyList<string> Add(IReadOnlyList<string> links, string id) => links.Contains(id) ? links : [.. links, id];

    private static bool Allowed(StaffUser user, Case @case, StaffAction action) =>
        StaffPermissions.Allows(user, action) && user.CanWorkIn(@case.Group);

    private List<string> Describe(Case before, Case after)
    {
        var said = new List<string>();
        if (before.Status != after.Status)
        {
            said.Add($"Status: {CitizenStatus.Of(after.Status)} ({StatusName(after.Status)}).");
        }
        if (before.Priority != after.Priority)
        {
            said.Add($"Prioritet: {PriorityName(after.Priority)}.");
        }
        if (before.Category != after.Category)
        {
            said.Add(after.Category is null ? "Kategorin togs bort." : $"Kategori: {after.Category}.");
        }
        if (before.Assignee?.Id != after.Assignee?.Id)
        {
            said.Add(after.Assignee is null ? "Ingen handläggare." : $"Handläggare: {after.Assignee.Name}.");
        }
        if (before.Secret != after.Secret)
        {
            said.Add(after.Secret ? "Sekretessmarkerat." : "Sekretessmarkeringen togs bort.");
        }
        if (before.Group != after.Group)
        {
            said.Add($"Flyttat till gruppen {groups.Find(after.Group)?.Name ?? after.Group}.");
        }
        return said;
    }

    public static string StatusName(CaseStatus status) => status switch
    {
        CaseStatus.Received => "inkommen",
        CaseStatus.InProgress => "under behandling",
        CaseStatus.Escalated => "eskalerad",
        CaseStatus.AwaitingCitizen => "väntar på den som skrev",
        CaseStatus.Complemented => "kompletterad",
        CaseStatus.AwaitingRemiss => "väntar på remissvar",
        _ => "avslutad",
    };

    public static string PriorityName(CasePriority priority) => priority switch
    {
        CasePriority.Low => "låg",
        CasePriority.High => "hög",
        CasePriority.Urgent => "akut",
        _ => "normal",
    };

    private Task AuditAsync(StaffUser user, string action, string caseId, TimelineEntry? entry, CancellationToken cancellationToken, string? detail = null) =>
        audit.RecordAsync(new AuditEntry($"{caseId}.{entry?.Id ?? action + "." + Guid.NewGuid().ToString("N")}", time.GetUtcNow(), user.Id, action, caseId,
            Bounded(detail ?? entry?.Text)), cancellationToken);

    /// <summary>The audit log keeps what was done, not whole texts: those stay on the timeline.</summary>
    private static string? Bounded(string? detail) =>
        detail is { Length: > AuditEntry.MaxDetailLength } ? detail[..(AuditEntry.MaxDetailLength - 1)] + "…" : detail;

    [GeneratedRegex(@"^[A-Za-z0-9-]{8,64}\z")]
    private static partial Regex ActionId();
}
