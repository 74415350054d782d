using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Sla;

/// <summary>
/// The service levels of an e-service or category: targets per priority, when to warn (the share of a target used),
/// which statuses stop the clocks (the municipality waits for the citizen or a contractor), and whether an internal
/// note counts as a response (a phone call answered and written down). After a breach the <see cref="Ladder"/> tells
/// people in turn, each step a business-time delay after the breach; when the resolution is overdue by
/// <see cref="DelayNoticeAfter"/> the case card prompts a delay notice to the citizen (förvaltningslagen 11 §).
/// </summary>
public sealed record SlaPolicy(
    string Id,
    IReadOnlyDictionary<CasePriority, SlaTimes> Times,
    double WarnAt,
    IReadOnlyList<CaseStatus> PauseStatuses,
    bool NoteCountsAsResponse,
    IReadOnlyList<SlaLadderStep>? Ladder = null,
    TimeSpan? DelayNoticeAfter = null)
{
    /// <summary>Without a ladder of its own: the assignee at once, the group's lead after 4 h, the supervisor after 16 h.</summary>
    public static IReadOnlyList<SlaLadderStep> DefaultLadder { get; } =
    [
        new(SlaRecipient.Assignee, TimeSpan.Zero),
        new(SlaRecipient.Lead, TimeSpan.FromHours(4)),
        new(SlaRecipient.Supervisor, TimeSpan.FromHours(16)),
    ];

    public static TimeSpan DefaultDelayNoticeAfter { get; } = TimeSpan.FromHours(8);

    public IReadOnlyList<SlaLadderStep> Steps => Ladder ?? DefaultLadder;

    public TimeSpan DelayNoticeMargin => DelayNoticeAfter ?? DefaultDelayNoticeAfter;

    public SlaTimes For(CasePriority priority) =>
        Times.TryGetValue(priority, out var times) ? times : Times[CasePriority.Normal];

    public bool Pauses(CaseStatus status) => PauseStatuses.Contains(status);
}
