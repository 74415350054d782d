using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Sla;

/// <summary>
/// The SLA of one case as a pure state: a response clock (first, then next response) and a resolution clock, moved by
/// case events in business time. The CaseSla orchestration holds it and sleeps until the next due instant; lists and
/// the case card read its <see cref="Standing"/>. Waiting statuses pause both clocks; a priority change re-budgets
/// them and keeps the time used; a note answers only when the policy says so.
/// </summary>
public sealed record SlaTracker(SlaPolicy Policy, CasePriority Priority, CaseStatus Status, SlaClock Response, SlaClock Resolution)
{
    public static SlaTracker Start(SlaPolicy policy, CasePriority priority, DateTimeOffset createdAt)
    {
        var times = policy.For(priority);
        return new SlaTracker(policy, priority, CaseStatus.Received,
            SlaClock.Start(SlaTarget.FirstResponse, times.FirstResponse, createdAt),
            SlaClock.Start(SlaTarget.Resolution, times.Resolution, createdAt));
    }

    /// <summary>The tracker again from its stored state, under the policy the case has now.</summary>
    public static SlaTracker From(SlaTrackerState state, SlaPolicy policy) =>
        new SlaTracker(policy, state.Priority, state.Status, state.Response, state.Resolution).Rebudget(policy, state.Priority);

    /// <summary>What to store: everything but the policy, which is looked up again (so an edited policy applies).</summary>
    public SlaTrackerState State => new(Policy.Id, Priority, Status, Response, Resolution);

    /// <summary>
    /// The same clocks with the budgets of <paramref name="policy"/> at <paramref name="priority"/>: the time used is
    /// kept (a case moved to a group with other targets, or given another priority, is not given a fresh start).
    /// </summary>
    public SlaTracker Rebudget(SlaPolicy policy, CasePriority priority)
    {
        var times = policy.For(priority);
        return this with
        {
            Policy = policy,
            Priority = priority,
            Response = Response with { Budget = Response.Target == SlaTarget.FirstResponse ? times.FirstResponse : times.NextResponse },
            Resolution = Resolution with { Budget = times.Resolution },
        };
    }

    public SlaTracker Apply(SlaEvent e, BusinessCalendar calendar)
    {
        var times = Policy.For(Priority);
        switch (e.Kind)
        {
            case SlaEventKind.Responded:
            case SlaEventKind.Noted when Policy.NoteCountsAsResponse:
                return this with { Response = Response.Stop(e.At, calendar) };
            case SlaEventKind.CitizenReplied:
                var next = SlaClock.Start(SlaTarget.NextResponse, times.NextResponse, e.At);
                return this with { Response = Policy.Pauses(Status) ? next.Pause(e.At, calendar) : next };
            case SlaEventKind.StatusChanged when e.Status is { } status:
                if (status == CaseStatus.Closed)
                {
                    return Resolve(e.At, calendar) with { Status = status };
                }
                var paused = Policy.Pauses(status);
                var wasPaused = Policy.Pauses(Status);
                return (paused, wasPaused) switch
                {
                    (true, false) => this with { Status = status, Response = Response.Pause(e.At, calendar), Resolution = Resolution.Pause(e.At, calendar) },
                    (false, true) => this with { Status = status, Response = Response.Resume(e.At), Resolution = Resolution.Resume(e.At) },
                    _ => this with { Status = status },
                };
            case SlaEventKind.PriorityChanged when e.Priority is { } priority:
                return Rebudget(Policy, priority);
            case SlaEventKind.Resolved:
                return Resolve(e.At, calendar);
            case SlaEventKind.Reopened:
                return this with
                {
                    Status = CaseStatus.InProgress,
                    Response = SlaClock.Start(SlaTarget.NextResponse, times.NextResponse, e.At),
                    Resolution = Resolution.State == SlaClockState.Stopped ? Resolution with { RunningSince = e.At, State = SlaClockState.Running } : Resolution,
                };
            default:
                return this;
        }
    }

    /// <summary>The soonest running clock's instant of warning, or of breach once warned; null when nothing runs.</summary>
    public DateTimeOffset? NextWakeUp(DateTimeOffset now, BusinessCalendar calendar) =>
        new[] { Response, Resolution }
            .Where(c => c.State == SlaClockState.Running)
            .SelectMany(c => new[] { WarningAt(c, calendar), c.DueAt(calendar) })
            .OfType<DateTimeOffset>()
            .Where(t => t > now)
            .Order()
            .Cast<DateTimeOffset?>()
            .FirstOrDefault();

    /// <summary>The worst of the two clocks now.</summary>
    public SlaStanding Standing(DateTimeOffset now, BusinessCalendar calendar)
    {
        var standings = new[] { Response, Resolution }.Select(c => StandingOf(c, now, calendar)).ToList();
        return standings.OrderByDescending(s => Rank(s.Level)).ThenBy(s => s.DueAt ?? DateTimeOffset.MaxValue).First();
    }

    private SlaTracker Resolve(DateTimeOffset at, BusinessCalendar calendar) =>
        this with { Response = Response.Stop(at, calendar), Resolution = Resolution.Stop(at, calendar) };

    private DateTimeOffset? WarningAt(SlaClock clock, BusinessCalendar calendar)
    {
        var warnAfter = TimeSpan.FromTicks((long)(clock.Budget.Ticks * Policy.WarnAt));
        return clock.State == SlaClockState.Running && clock.RunningSince is { } since && warnAfter > clock.Used
            ? calendar.AddBusinessTime(since, warnAfter - clock.Used)
            : null;
    }

    /// <summary>
    /// When a running clock reaches the warning share of its budget — its current run's start when it was past the
    /// share already (resumed after a pause, or given a shorter budget) — or null when it does not run.
    /// </summary>
    public DateTimeOffset? WarningInstant(SlaClock clock, BusinessCalendar calendar) =>
        clock.State != SlaClockState.Running || clock.RunningSince is not { } since ? null : WarningAt(clock, calendar) ?? since;

    private SlaStanding StandingOf(SlaClock clock, DateTimeOffset now, BusinessCalendar calendar)
    {
        var remaining = clock.Budget - clock.UsedAt(now, calendar);
        var level = clock.State switch
        {
            SlaClockState.Stopped => remaining < TimeSpan.Zero ? SlaLevel.Breached : SlaLevel.Met,
            SlaClockState.Paused => SlaLevel.Paused,
            _ when remaining <= TimeSpan.Zero => SlaLevel.Breached,
            _ when clock.Budget - remaining >= TimeSpan.FromTicks((long)(clock.Budget.Ticks * Policy.WarnAt)) => SlaLevel.Warning,
            _ => SlaLevel.Ok,
        };
        return new SlaStanding(level, clock.Target, clock.DueAt(calendar), remaining);
    }

    private static int Rank(SlaLevel level) => level switch
    {
        SlaLevel.Breached => 4,
        SlaLevel.Warning => 3,
        SlaLevel.Ok => 2,
        SlaLevel.Paused => 1,
        _ => 0,
    };
}
