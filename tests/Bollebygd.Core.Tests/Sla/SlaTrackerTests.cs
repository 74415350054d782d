using Bollebygd.Core.Cases;
using Bollebygd.Core.Sla;

namespace Bollebygd.Core.Tests.Sla;

public class SlaTrackerTests
{
    private static readonly BusinessCalendar Calendar = new();

    private static readonly SlaPolicy Policy = new("test",
        new Dictionary<CasePriority, SlaTimes>
        {
            [CasePriority.Normal] = new(TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(10), TimeSpan.FromDays(5)),
            [CasePriority.Urgent] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromDays(1)),
        },
        WarnAt: 0.75, PauseStatuses: [CaseStatus.AwaitingCitizen], NoteCountsAsResponse: false);

    private static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + "+01:00");

    private static readonly DateTimeOffset Thursday0800 = Local("2026-11-26T08:00");

    [Fact]
    public void A_new_case_owes_a_first_answer_warns_before_it_and_breaches_after()
    {
        var sla = SlaTracker.Start(Policy, CasePriority.Normal, Thursday0800);

        Assert.Equal(Local("2026-11-26T09:30"), sla.NextWakeUp(Thursday0800, Calendar)); // 75 % of 2 h
        Assert.Equal(new SlaStanding(SlaLevel.Ok, SlaTarget.FirstResponse, Local("2026-11-26T10:00"), TimeSpan.FromHours(1.5)),
            sla.Standing(Local("2026-11-26T08:30"), Calendar));
        Assert.Equal(SlaLevel.Warning, sla.Standing(Local("2026-11-26T09:45"), Calendar).Level);
        var breached = sla.Standing(Local("2026-11-26T10:30"), Calendar);
        Assert.Equal(SlaLevel.Breached, breached.Level);
        Assert.Equal(TimeSpan.FromMinutes(-30), breached.Remaining);
        Assert.Equal(Local("2026-11-26T10:00"), sla.NextWakeUp(Local("2026-11-26T09:30"), Calendar));
    }

    [Fact]
    public void An_answer_meets_the_first_target_and_the_resolution_clock_goes_on_in_business_time()
    {
        var sla = SlaTracker.Start(Policy, CasePriority.Normal, Thursday0800)
            .Apply(new SlaEvent(SlaEventKind.Responded, Local("2026-11-26T09:00")), Calendar);

        var standing = sla.Standing(Local("2026-11-26T09:00"), Calendar);
        Assert.Equal(SlaTarget.Resolution, standing.Target);
        Assert.Equal(SlaLevel.Ok, standing.Level);
        // 10 h from Thursday 08:00: Thursday 7.5 h, then Friday 08:00–10:30.
        Assert.Equal(Local("2026-11-27T10:30"), standing.DueAt);
    }

    [Fact]
    public void A_note_is_not_an_answer_unless_the_policy_says_so()
    {
        var noted = new SlaEvent(SlaEventKind.Noted, Local("2026-11-26T09:00"));
        Assert.Equal(SlaClockState.Running, SlaTracker.Start(Policy, CasePriority.Normal, Thursday0800).Apply(noted, Calendar).Response.State);
        Assert.Equal(SlaClockState.Stopped,
            SlaTracker.Start(Policy with { NoteCountsAsResponse = true }, CasePriority.Normal, Thursday0800).Apply(noted, Calendar).Response.State);
    }

    [Fact]
    public void Waiting_for_the_citizen_pauses_the_clocks_and_their_answer_resumes_them_and_owes_the_next_answer()
    {
        var sla = SlaTracker.Start(Policy, CasePriority.Normal, Thursday0800)
            .Apply(new SlaEvent(SlaEventKind.Responded, Local("2026-11-26T09:00")), Calendar)
            .Apply(new SlaEvent(SlaEventKind.StatusChanged, Local("2026-11-26T10:00"), Status: CaseStatus.AwaitingCitizen), Calendar);

        Assert.Equal(SlaLevel.Paused, sla.Standing(Local("2026-11-30T08:00"), Calendar).Level);
        Assert.Null(sla.NextWakeUp(Local("2026-11-26T10:00"), Calendar));

        // The citizen answers on Monday: 2 h of resolution were used, 8 h are left; the next answer is owed in 4 h.
        sla = sla.Apply(new SlaEvent(SlaEventKind.CitizenReplied, Local("2026-11-30T08:00")), Calendar)
            .Apply(new SlaEvent(SlaEventKind.StatusChanged, Local("2026-11-30T08:00"), Status: CaseStatus.Complemented), Calendar);
        Assert.Equal(Local("2026-11-30T12:00"), sla.Response.DueAt(Calendar));
        Assert.Equal(Local("2026-12-01T08:30"), sla.Resolution.DueAt(Calendar)); // Monday 7.5 h, Tuesday half an hour
    }

    [Fact]
    public void A_higher_priority_shortens_the_targets_and_keeps_the_time_used()
    {
        var sla = SlaTracker.Start(Policy, CasePriority.Normal, Thursday0800)
            .Apply(new SlaEvent(SlaEventKind.PriorityChanged, Local("2026-11-26T08:30"), Priority: CasePriority.Urgent), Calendar);

        Assert.Equal(Local("2026-11-26T09:00"), sla.Response.DueAt(Calendar));
        Assert.Equal(Local("2026-11-26T12:00"), sla.Resolution.DueAt(Calendar)); // 4 h: the morning slot exactly
    }

    [Fact]
    public void Resolving_stops_everything_and_reopening_starts_the_next_answer_and_resolution_again()
    {
        var sla = SlaTracker.Start(Policy, CasePriority.Normal, Thursday0800)
            .Apply(new SlaEvent(SlaEventKind.Responded, Local("2026-11-26T08:30")), Calendar)
            .Apply(new SlaEvent(SlaEventKind.StatusChanged, Local("2026-11-26T11:00"), Status: CaseStatus.Closed), Calendar);
        Assert.Equal(SlaLevel.Met, sla.Standing(Local("2026-11-27T08:00"), Calendar).Level);
        Assert.Null(sla.NextWakeUp(Local("2026-11-26T11:00"), Calendar));

        sla = sla.Apply(new SlaEvent(SlaEventKind.Reopened, Local("2026-11-30T08:00")), Calendar);
        Assert.Equal(SlaTarget.NextResponse, sla.Response.Target);
        Assert.Equal(Local("2026-11-30T12:00"), sla.Response.DueAt(Calendar));
        Assert.Equal(Local("2026-11-30T16:00"), sla.Resolution.DueAt(Calendar)); // 3 h used, 7 h left: Monday 08–12 and 13–16
    }

    [Fact]
    public void Every_wake_up_falls_in_business_hours_never_at_night_or_on_a_holiday()
    {
        var starts = new[] { Local("2026-11-27T14:50"), Local("2026-12-23T16:00"), Local("2026-06-18T16:20") };
        foreach (var start in starts)
        {
            var sla = SlaTracker.Start(Policy, CasePriority.Normal, start);
            var at = start;
            for (var i = 0; i < 6 && sla.NextWakeUp(at, Calendar) is { } wake; i++)
            {
                Assert.True(Calendar.IsBusinessTime(wake) || Calendar.IsBusinessTime(wake.AddTicks(-1)), $"{wake} from {start}");
                at = wake;
            }
        }
    }
}
