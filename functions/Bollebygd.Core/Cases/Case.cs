namespace Bollebygd.Core.Cases;

/// <summary>
/// A case (ärende): one contact from a citizen, whatever the channel, with its parties and status. The timeline is
/// stored beside it in the same partition and read with it. <see cref="Mailbox"/> is the function mailbox the case's
/// mail leaves from (the one it arrived at, for e-mail); <see cref="Attention"/> tells staff why the case needs a
/// person's eyes before anything else (a message that could not be read, say). <see cref="MergedInto"/> names the case
/// a duplicate was merged into. (Where the case stands against its SLA is kept beside it by the SLA workflow.)
/// <see cref="Secret"/> (sekretess) keeps the case to its group and puts every read of it in the audit log.
/// <see cref="DiaryNumber"/> is its diarienummer in Platina once registered (<see cref="PlatinaId"/> its id there);
/// <see cref="EdpCaseId"/> the EDP Future case it carries to Platina ("Flytta till Platina"), linked both ways;
/// <see cref="RegistrationRequestedAt"/> when its registration was asked for (it waits on the registrators' list until
/// it has its number).
/// </summary>
public sealed record Case(
    string Id,
    CaseReference Reference,
    Channel Channel,
    string? ServiceId,
    int? ServiceVersion,
    string Title,
    string Group,
    CaseStatus Status,
    DateTimeOffset CreatedAt,
    IReadOnlyList<Party> Parties,
    string? SubmissionId,
    string? ETag = null,
    string? Mailbox = null,
    string? Attention = null,
    Assignee? Assignee = null,
    CasePriority Priority = CasePriority.Normal,
    string? Category = null,
    string? MergedInto = null,
    IReadOnlyList<string>? LinkedCases = null,
    bool Secret = false,
    string? DiaryNumber = null,
    int? PlatinaId = null,
    string? EdpCaseId = null,
    DateTimeOffset? RegistrationRequestedAt = null)
{
    public IReadOnlyList<string> Links => LinkedCases ?? [];

    public bool IsOpen => Status != CaseStatus.Closed;

    public string CitizenStatus => Cases.CitizenStatus.Of(Status);

    public Party? Applicant => Parties.FirstOrDefault(p => p.Role == Party.Applicant);

    /// <summary>Whether the citizen may write on the status page: until the case is closed.</summary>
    public bool CitizenCanReply => Status != CaseStatus.Closed;
}
