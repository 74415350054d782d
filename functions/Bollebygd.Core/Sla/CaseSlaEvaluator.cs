using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Sla;

/// <summary>
/// The SLA rules for one case, pure: from the case as stored now and what was counted before, the clocks, the reminders
/// due, and when to look again. Messages count from their own time on the timeline (an answer written at 09:55 met a
/// 10:00 target even if it was counted later); a status, priority or policy change counts from the case's latest
/// entry, which every change writes. Reminders go out only in business time; one that falls due outside it waits
/// for the next business instant.
/// </summary>
public sealed class CaseSlaEvaluator(SlaPolicies policies, BusinessCalendar calendar)
{
    /// <summary>The timeline entry of a given reminder is this prefix and the notice's key.</summary>
    public const string NoticeEntryPrefix = "sla-";

    public BusinessCalendar Calendar => calendar;

    public SlaEvaluation Evaluate(CaseSlaState state, CaseRecord? record, DateTimeOffset now)
    {
        if (record is null)
        {
            return new SlaEvaluation(state, [], null, Ended: true, null);
        }
        var c = record.Case;
        var tracker = Track(state, record, out var counted);
        // What the timeline says was given counts too: a workflow started afresh (after an outage) repeats nothing.
        var given = state.Given.Union(record.Timeline.Where(e => e.Id.StartsWith(NoticeEntryPrefix, StringComparison.Ordinal))
            .Select(e => e.Id[NoticeEntryPrefix.Length..]), StringComparer.Ordinal).ToList();
        var notices = new List<SlaNotice>();
        var wakes = new List<DateTimeOffset>();
        if (c.IsOpen)
        {
            foreach (var clock in new[] { tracker.Response, tracker.Resolution }.Where(k => k.State == SlaClockState.Running))
            {
                Plan(tracker, clock, c, now, given, notices, wakes);
            }
        }
        var wakeAt = wakes.Where(t => t > now).Order().Cast<DateTimeOffset?>().FirstOrDefault();
        if (notices.Count > 0 && !calendar.IsBusinessTime(now))
        {
            // Due, but nobody is at work: the reminders wait for the morning (or the day after a holiday).
            notices.Clear();
            var opens = calendar.NextBusinessInstant(now);
            wakeAt = wakeAt is { } w && w < opens ? w : opens;
        }
        given.AddRange(notices.Select(n => n.Key));
        var next = new CaseSlaState(c.Id, tracker.State, Bounded(counted), Bounded(given));
        return new SlaEvaluation(next, notices, c.IsOpen ? wakeAt : null, Ended: !c.IsOpen, tracker.Standing(now, calendar));
    }

    /// <summary>Where a stored tracker stands now: the case card and the queues ask this, between evaluations too.</summary>
    public SlaStanding Standing(SlaTrackerState state, DateTimeOffset now) =>
        SlaTracker.From(state, policies.Find(state.PolicyId) ?? policies.Default).Standing(now, calendar);

    private SlaTracker Track(CaseSlaState state, CaseRecord record, out List<string> counted)
    {
        var c = record.Case;
        var policy = policies.For(c, c.Category is { } category ? [category] : []);
        var tracker = state.Tracker is { } stored
            ? SlaTracker.From(stored, policy)
            : SlaTracker.Start(policy, c.Priority, c.CreatedAt);
        counted = state.Counted.ToList();
        var seen = counted.ToHashSet(StringComparer.Ordinal);
        foreach (var entry in record.Timeline)
        {
            if (KindOf(entry) is { } kind && seen.Add(entry.Id))
            {
                tracker = tracker.Apply(new SlaEvent(kind, entry.At), calendar);
                counted.Add(entry.Id);
            }
        }
        var changedAt = record.Timeline.Count > 0 ? record.Timeline.Max(e => e.At) : c.CreatedAt;
        if (tracker.Priority != c.Priority)
        {
            tracker = tracker.Apply(new SlaEvent(SlaEventKind.PriorityChanged, changedAt, Priority: c.Priority), calendar);
        }
        if (tracker.Status == CaseStatus.Closed && c.IsOpen)
        {
            tracker = tracker.Apply(new SlaEvent(SlaEventKind.Reopened, changedAt), calendar);
        }
        if (tracker.Status != c.Status)
        {
            tracker = tracker.Apply(new SlaEvent(SlaEventKind.StatusChanged, changedAt, Status: c.Status), calendar);
        }
        return tracker;
    }

    /// <summary>The warning and the ladder of one running clock: what is due now, and when the next one falls due.</summary>
    private void Plan(SlaTracker tracker, SlaClock clock, Case c, DateTimeOffset now, List<string> given, List<SlaNotice> notices,
        List<DateTimeOffset> wakes)
    {
        var due = clock.DueAt(calendar)!.Value;
        var target = clock.Target;
        if (now < due)
        {
            var warnAt = tracker.WarningInstant(clock, calendar)!.Value;
            // A new assignee who has not been warned about this clock is warned too.
            var key = $"warn-{clock.Key}-{RecipientKey(c)}";
            if (now < warnAt)
            {
                wakes.Add(warnAt);
            }
            else if (!given.Contains(key))
            {
                notices.Add(new SlaNotice(key, SlaNoticeKind.Warning, target, SlaRecipient.Assignee, due));
            }
            wakes.Add(due);
            return;
        }
        var steps = tracker.Policy.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var at = calendar.AddBusinessTime(due, steps[i].After);
            var key = $"breach-{clock.Key}-{i}";
            if (now < at)
            {
                wakes.Add(at);
            }
            else if (!given.Contains(key))
            {
                notices.Add(new SlaNotice(key, SlaNoticeKind.Breach, target, steps[i].Notify, due, i));
            }
        }
        if (target == SlaTarget.Resolution)
        {
            var at = calendar.AddBusinessTime(due, tracker.Policy.DelayNoticeMargin);
            var key = $"delay-{clock.Key}";
            if (now < at)
            {
                wakes.Add(at);
            }
            else if (!given.Contains(key))
            {
                notices.Add(new SlaNotice(key, SlaNoticeKind.DelayNotice, target, SlaRecipient.Assignee, due));
            }
        }
    }

    /// <summary>Who a warning goes to now, as part of its key: the assignee, or the group when nobody has the case.</summary>
    private static string RecipientKey(Case c) =>
        c.Assignee is { } assignee ? "a" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(assignee.Id)))[..12].ToLowerInvariant()
        : "g-" + c.Group;

    /// <summary>What a timeline entry means for the clocks; null for entries that do not move them.</summary>
    private static SlaEventKind? KindOf(TimelineEntry entry) => entry.Kind switch
    {
        TimelineEntryKind.MunicipalityMessage => SlaEventKind.Responded,
        TimelineEntryKind.CitizenMessage => SlaEventKind.CitizenReplied,
        TimelineEntryKind.InternalNote => SlaEventKind.Noted,
        _ => null,
    };

    private static List<string> Bounded(List<string> keys) => keys.Count > CaseSlaState.MaxKeys ? keys[^CaseSlaState.MaxKeys..] : keys;
}
