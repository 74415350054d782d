namespace Bollebygd.Core.Sla;

/// <summary>
/// One clock against one target: the business time allowed (<see cref="Budget"/>), what was used before the current
/// run (<see cref="Used"/>), and since when it runs. Pausing banks the time used; resuming starts a new run.
/// <see cref="StartedAt"/> names the clock for good (pauses and resumes keep it): reminders about it are sent once.
/// </summary>
public sealed record SlaClock(SlaTarget Target, TimeSpan Budget, TimeSpan Used, DateTimeOffset? RunningSince, SlaClockState State,
    DateTimeOffset StartedAt = default)
{
    public static SlaClock Start(SlaTarget target, TimeSpan budget, DateTimeOffset at) => new(target, budget, TimeSpan.Zero, at, SlaClockState.Running, at);

    /// <summary>A key for this clock, the same across pauses, different for the next clock of the same target.</summary>
    public string Key => $"{Target.ToString().ToLowerInvariant()}-{StartedAt.UtcTicks}";

    public SlaClock Pause(DateTimeOffset at, BusinessCalendar calendar) => State != SlaClockState.Running ? this
        : this with { Used = Used + calendar.BusinessTimeBetween(RunningSince!.Value, at), RunningSince = null, State = SlaClockState.Paused };

    public SlaClock Resume(DateTimeOffset at) => State != SlaClockState.Paused ? this : this with { RunningSince = at, State = SlaClockState.Running };

    public SlaClock Stop(DateTimeOffset at, BusinessCalendar calendar) => State == SlaClockState.Stopped ? this
        : Pause(at, calendar) with { State = SlaClockState.Stopped };

    /// <summary>Business time used up to <paramref name="now"/>.</summary>
    public TimeSpan UsedAt(DateTimeOffset now, BusinessCalendar calendar) =>
        State == SlaClockState.Running && RunningSince is { } since ? Used + calendar.BusinessTimeBetween(since, now) : Used;

    /// <summary>When the target falls due if the clock keeps running; null when it does not run.</summary>
    public DateTimeOffset? DueAt(BusinessCalendar calendar) =>
        State == SlaClockState.Running && RunningSince is { } since
            ? calendar.AddBusinessTime(since, Budget > Used ? Budget - Used : TimeSpan.Zero)
            : null;
}
