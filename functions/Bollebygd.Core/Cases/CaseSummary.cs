namespace Bollebygd.Core.Cases;

/// <summary>
/// A case as a queue shows it: what it is, where it stands, who has it, and its SLA clocks as last evaluated (null
/// before the SLA workflow first saw it).
/// </summary>
public sealed record CaseSummary(
    string Id,
    CaseReference Reference,
    string Title,
    string Group,
    CaseStatus Status,
    CasePriority Priority,
    Channel Channel,
    Assignee? Assignee,
    DateTimeOffset CreatedAt,
    string? Category,
    bool NeedsAttention,
    bool Secret = false,
    Sla.SlaTrackerState? Sla = null,
    bool AwaitingRegistration = false)
{
    /// <summary>What a list may show of a secret case: not its title.</summary>
    public const string SecretTitle = "Sekretessärende";

    public static CaseSummary Of(Case c) => new(c.Id, c.Reference, c.Secret ? SecretTitle : c.Title, c.Group, c.Status, c.Priority, c.Channel,
        c.Assignee, c.CreatedAt, c.Category, c.Attention is not null, c.Secret,
        AwaitingRegistration: c.RegistrationRequestedAt is not null && c.DiaryNumber is null);
}
