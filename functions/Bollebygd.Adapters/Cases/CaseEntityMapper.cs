using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Bollebygd.Core.Cases;

namespace Bollebygd.Adapters.Cases;

/// <summary>
/// How a case and its timeline sit in the <c>Cases</c> table: PartitionKey the case id, RowKey <c>case</c> for the
/// case, <c>e-{entry id}</c> for each timeline entry.
/// </summary>
public static class CaseEntityMapper
{
    public const string CaseRow = "case";
    public const string EntryRowPrefix = "e-";

    public static TableEntity ToEntity(Case c) => new(c.Id, CaseRow)
    {
        ["Reference"] = c.Reference.ToString(),
        ["Channel"] = c.Channel.ToString(),
        ["ServiceId"] = c.ServiceId,
        ["ServiceVersion"] = c.ServiceVersion,
        ["Title"] = c.Title,
        ["Group"] = c.Group,
        ["Status"] = c.Status.ToString(),
        ["CreatedAt"] = c.CreatedAt,
        ["Parties"] = JsonSerializer.Serialize(c.Parties, JsonSerializerOptions.Web),
        ["SubmissionId"] = c.SubmissionId,
        ["Mailbox"] = c.Mailbox,
        ["Attention"] = c.Attention,
        ["AssigneeId"] = c.Assignee?.Id,
        ["AssigneeName"] = c.Assignee?.Name,
        ["Priority"] = c.Priority.ToString(),
        ["Category"] = c.Category,
        ["MergedInto"] = c.MergedInto,
        ["LinkedCases"] = c.Links.Count == 0 ? null : string.Join(",", c.Links),
        ["Secret"] = c.Secret,
        ["DiaryNumber"] = c.DiaryNumber,
        ["PlatinaId"] = c.PlatinaId,
        ["EdpCaseId"] = c.EdpCaseId,
        ["RegistrationRequestedAt"] = c.RegistrationRequestedAt,
    };

    public static Case ToCase(TableEntity e)
    {
        CaseReference.TryParse(e.GetString("Reference"), out var reference);
        return new Case(
            e.PartitionKey,
            reference,
            Enum.Parse<Channel>(e.GetString("Channel")),
            e.GetString("ServiceId"),
            e.GetInt32("ServiceVersion"),
            e.GetString("Title") ?? "",
            e.GetString("Group") ?? "",
            Enum.Parse<CaseStatus>(e.GetString("Status")),
            e.GetDateTimeOffset("CreatedAt") ?? default,
            JsonSerializer.Deserialize<List<Party>>(e.GetString("Parties") ?? "[]", JsonSerializerOptions.Web) ?? [],
            e.GetString("SubmissionId"),
            e.ETag.ToString(),
            e.GetString("Mailbox"),
            e.GetString("Attention"),
            e.GetString("AssigneeId") is { Length: > 0 } assignee ? new Assignee(assignee, e.GetString("AssigneeName") ?? assignee) : null,
            Enum.TryParse<CasePriority>(e.GetString("Priority"), out var priority) ? priority : CasePriority.Normal,
            e.GetString("Category"),
            e.GetString("MergedInto"),
            e.GetString("LinkedCases") is { Length: > 0 } links ? links.Split(',') : [],
            e.GetBoolean("Secret") ?? false,
            e.GetString("DiaryNumber"),
            e.GetInt32("PlatinaId"),
            e.GetString("EdpCaseId"),
            e.GetDateTimeOffset("RegistrationRequestedAt"));
    }

    public static TableEntity ToEntity(string caseId, TimelineEntry entry) => new(caseId, EntryRowPrefix + entry.Id)
    {
        ["At"] = entry.At,
        ["Kind"] = entry.Kind.ToString(),
        ["Author"] = entry.Author,
        ["Text"] = entry.Text,
        ["Attachments"] = JsonSerializer.Serialize(entry.Attachments, JsonSerializerOptions.Web),
        ["MessageId"] = entry.MessageId,
    };

    public static TimelineEntry ToEntry(TableEntity e) => new(
        e.RowKey[EntryRowPrefix.Length..],
        e.GetDateTimeOffset("At") ?? default,
        Enum.Parse<TimelineEntryKind>(e.GetString("Kind")),
        e.GetString("Author") ?? "",
        e.GetString("Text") ?? "",
        JsonSerializer.Deserialize<List<Attachment>>(e.GetString("Attachments") ?? "[]", JsonSerializerOptions.Web) ?? [],
        e.GetString("MessageId"));

    public static ETag ETagOf(Case c) => c.ETag is { } tag ? new ETag(tag) : throw new InvalidOperationException($"Case {c.Id} was not read from storage (no ETag).");
}
