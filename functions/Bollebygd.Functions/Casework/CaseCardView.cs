using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Routing;
using Bollebygd.Core.Sla;

namespace Bollebygd.Functions.Casework;

/// <summary>The case card and list rows as the agent app reads them. Identity numbers are masked here too.</summary>
public static class CaseCardView
{
    public static object Card(CaseRecord record, CompetenceGroups groups, (CaseSlaRecord Record, SlaStanding Standing)? sla = null)
    {
        var c = record.Case;
        var delayNoticeDue = sla?.Record.DelayNoticeDueSince is { } since && c.IsOpen
            && !record.Timeline.Any(e => e.Kind == TimelineEntryKind.MunicipalityMessage && e.At >= since);
        return new
        {
            id = c.Id,
            reference = c.Reference.ToString(),
            title = c.Title,
            channel = c.Channel,
            serviceId = c.ServiceId,
            group = c.Group,
            groupName = groups.Find(c.Group)?.Name ?? c.Group,
            status = c.Status,
            statusName = CaseWorkService.StatusName(c.Status),
            citizenStatus = c.CitizenStatus,
            priority = c.Priority,
            category = c.Category,
            assignee = c.Assignee,
            createdAt = c.CreatedAt,
            sla = Sla(sla?.Standing),
            delayNotice = delayNoticeDue ? DelayNotice.Suggest(c) : null,
            attention = c.Attention,
            secret = c.Secret,
            diaryNumber = c.DiaryNumber,
            edpCaseId = c.EdpCaseId,
            registrationRequested = c.RegistrationRequestedAt is not null,
            mailbox = c.Mailbox,
            mergedInto = c.MergedInto,
            links = c.Links,
            parties = c.Parties.Select(p => new { role = p.Role, name = p.Name, email = p.Email, phone = p.Phone, identityNumber = Mask(p.IdentityNumber) }),
            timeline = record.Timeline.Select(e => new
            {
                id = e.Id,
                at = e.At,
                kind = e.Kind,
                author = AuthorName(e.Author, c),
                text = e.Text,
                isPublic = e.IsPublic,
                messageId = e.MessageId,
                attachments = e.Attachments.Select(a => new { id = a.Id, name = a.Name, size = a.Size, contentType = a.ContentType }),
            }),
            etag = c.ETag,
        };
    }

    public static object Row(CaseSummary s, CompetenceGroups groups, SlaStanding? standing) => new
    {
        id = s.Id,
        reference = s.Reference.ToString(),
        title = s.Title,
        group = s.Group,
        groupName = groups.Find(s.Group)?.Name ?? s.Group,
        status = s.Status,
        statusName = CaseWorkService.StatusName(s.Status),
        priority = s.Priority,
        channel = s.Channel,
        assignee = s.Assignee,
        createdAt = s.CreatedAt,
        sla = Sla(standing),
        category = s.Category,
        needsAttention = s.NeedsAttention,
        awaitingRegistration = s.AwaitingRegistration,
        secret = s.Secret,
    };

    /// <summary>Where the case stands against its SLA now: level, which target, when due, business minutes left (negative: overdue).</summary>
    private static object? Sla(SlaStanding? standing) => standing is null ? null : new
    {
        level = standing.Level,
        target = standing.Target,
        targetName = standing.Target is { } target ? SlaReminderTexts.TargetName(target) : null,
        dueAt = standing.DueAt,
        remainingMinutes = (int)Math.Round(standing.Remaining.TotalMinutes),
    };

    /// <summary>
    /// "Anna Andersson" for staff:{id}:Anna Andersson, the applicant's name for citizen, "Systemet" for system,
    /// "Brunnsservice AB (remissvar)" for remiss:Brunnsservice AB.
    /// </summary>
    public static string AuthorName(string author, Case c) => author switch
    {
        "citizen" => c.Applicant?.Name ?? "Den som skrev",
        "system" => "Systemet",
        _ when author.StartsWith("remiss:", StringComparison.Ordinal) => $"{author["remiss:".Length..]} (remissvar)",
        _ when author.StartsWith("staff:", StringComparison.Ordinal) && author.Split(':', 3) is [_, _, var name] => name,
        _ => author,
    };

    /// <summary>A personnummer as staff views show it: the date, then ****.</summary>
    public static string? Mask(string? identity) => identity is { Length: 12 } ? identity[..8] + "-****" : identity is null ? null : "****";
}
