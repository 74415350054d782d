using Bollebygd.Core.Cases;
using Bollebygd.Core.Sla;

namespace Bollebygd.Core.Tests.Sla;

public class CaseSlaEvaluatorTests
{
    private static readonly BusinessCalendar Calendar = new();

    private static readonly SlaPolicy Policy = new("test",
        new Dictionary<CasePriority, SlaTimes>
        {
            [CasePriority.Normal] = new(TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(10), TimeSpan.FromDays(5)),
        },
        WarnAt: 0.75, PauseStatuses: [CaseStatus.AwaitingCitizen], NoteCountsAsResponse: false,
        Ladder: [new(SlaRecipient.Assignee, TimeSpan.Zero), new(SlaRecipient.Lead, TimeSpan.FromHours(2)), new(SlaRecipient.Supervisor, TimeSpan.FromHours(6))],
        DelayNoticeAfter: TimeSpan.FromHours(4));

    private static readonly CaseSlaEvaluator Evaluator = new(
        new SlaPolicies([Policy], new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>(), "test"),
        Calendar);

    private static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + "+01:00");

    private static readonly DateTimeOffset Thursday0800 = Local("2026-11-26T08:00");

    private static Case NewCase(CaseStatus status = CaseStatus.Received, Assignee? assignee = null) =>
        new("c1", new CaseReference(2026, 1), Channel.Web, null, null, "Trasig gatlampa", "kundtjanst", status, Thursday0800,
            [new Party(Party.Applicant, "Eva", "eva@example.se", null, null)], null, Assignee: assignee);

    private static TimelineEntry Entry(string id, string at, TimelineEntryKind kind) => new(id, Local(at), kind, "x", "text", []);

    private static CaseRecord Record(Case c, params TimelineEntry[] timeline) =>
        new(c, [new TimelineEntry("received", c.CreatedAt, TimelineEntryKind.Received, "citizen", "Lampan är trasig.", []), .. timeline]);

    [Fact]
    public void A_new_case_sleeps_until_its_warning_then_warns_the_group_when_nobody_has_it()
    {
        var first = Evaluator.Evaluate(CaseSlaState.New("c1"), Record(NewCase()), Thursday0800);

        Assert.Empty(first.Notices);
        Assert.Equal(Local("2026-11-26T09:30"), first.WakeAt);
        Assert.False(first.Ended);

        var warned = Evaluator.Evaluate(first.State, Record(NewCase()), Local("2026-11-26T09:30"));
        var warning = Assert.Single(warned.Notices);
        Assert.Equal((SlaNoticeKind.Warning, SlaTarget.FirstResponse, SlaRecipient.Assignee), (warning.Kind, warning.Target, warning.Recipient));
        Assert.EndsWith("-g-kundtjanst", warning.Key);
        Assert.Equal(Local("2026-11-26T10:00"), warning.DueAt);
        Assert.Equal(Local("2026-11-26T10:00"), warned.WakeAt);

        // Evaluated again (a signal, a retry): the warning is not given twice.
        Assert.Empty(Evaluator.Evaluate(warned.State, Record(NewCase()), Local("2026-11-26T09:40")).Notices);
    }

    [Fact]
    public void A_new_assignee_is_warned_too_when_the_case_is_handed_over_after_the_warning()
    {
        var warned = Evaluator.Evaluate(CaseSlaState.New("c1"), Record(NewCase()), Local("2026-11-26T09:31"));
        Assert.Single(warned.Notices);

        var handedOver = NewCase(CaseStatus.InProgress, new Assignee("anna", "Anna Andersson"));
        var again = Evaluator.Evaluate(warned.State, Record(handedOver, Entry("c-assign", "2026-11-26T09:35", TimelineEntryKind.Event)),
            Local("2026-11-26T09:36"));

        var warning = Assert.Single(again.Notices);
        Assert.Equal(SlaNoticeKind.Warning, warning.Kind);
        Assert.DoesNotContain("-g-", warning.Key);
    }

    [Fact]
    public void After_a_breach_the_ladder_climbs_in_business_time_and_only_in_business_time()
    {
        var state = CaseSlaState.New("c1");
        var c = NewCase(CaseStatus.InProgress, new Assignee("anna", "Anna"));

        var atBreach = Evaluator.Evaluate(state, Record(c), Local("2026-11-26T10:00"));
        var first = Assert.Single(atBreach.Notices, n => n.Kind == SlaNoticeKind.Breach);
        Assert.Equal((0, SlaRecipient.Assignee), (first.Step, first.Recipient));
        Assert.Equal(Local("2026-11-26T12:00"), atBreach.WakeAt); // 2 h of business time later: as lunch begins

        // At 12:00 the office has closed for lunch: the lead hears at 13:00.
        var lunch = Evaluator.Evaluate(atBreach.State, Record(c), Local("2026-11-26T12:00"));
        Assert.Empty(lunch.Notices);
        Assert.Equal(Local("2026-11-26T13:00"), lunch.WakeAt);

        var lead = Evaluator.Evaluate(lunch.State, Record(c), Local("2026-11-26T13:00"));
        Assert.Equal([(1, SlaRecipient.Lead)], lead.Notices.Where(n => n.Kind == SlaNoticeKind.Breach).Select(n => (n.Step, n.Recipient)));
        // Next: the resolution clock's warning (7.5 h of 10 h from Thursday 08:00); the supervisor's step is 6 h after
        // 10:00 on Thursday — Thursday 10–12 and 13–16:30 is 5.5 h, then Friday 08:30.
        Assert.Equal(Local("2026-11-26T16:30"), lead.WakeAt);

        // The workflow wakes late, on Saturday: nobody is at work, so the supervisor hears on Monday morning.
        var saturday = Evaluator.Evaluate(lead.State, Record(c), Local("2026-11-28T10:00"));
        Assert.Empty(saturday.Notices);
        Assert.Equal(Local("2026-11-30T08:00"), saturday.WakeAt);

        var monday = Evaluator.Evaluate(saturday.State, Record(c), Local("2026-11-30T08:00"));
        Assert.Contains(monday.Notices, n => n.Kind == SlaNoticeKind.Breach && n.Recipient == SlaRecipient.Supervisor);
    }

    [Fact]
    public void An_answer_before_the_warning_stops_the_first_clock_and_nothing_is_sent()
    {
        var c = NewCase(CaseStatus.InProgress);
        var answered = Evaluator.Evaluate(CaseSlaState.New("c1"),
            Record(c, Entry("reply-1", "2026-11-26T09:00", TimelineEntryKind.MunicipalityMessage)), Local("2026-11-26T09:01"));

        Assert.Empty(answered.Notices);
        Assert.Equal(SlaClockState.Stopped, answered.State.Tracker!.Response.State);
        Assert.Equal(SlaTarget.Resolution, answered.Standing!.Target);
        // Resolution: 10 h, warned at 7.5 h: Thursday 08:00 + 7.5 h is 16:30.
        Assert.Equal(Local("2026-11-26T16:30"), answered.WakeAt);
    }

    [Fact]
    public void Waiting_for_the_citizen_pauses_everything_and_a_closed_case_ends_the_workflow()
    {
        var waiting = NewCase(CaseStatus.AwaitingCitizen);
        var paused = Evaluator.Evaluate(CaseSlaState.New("c1"),
            Record(waiting, Entry("reply-1", "2026-11-26T09:00", TimelineEntryKind.MunicipalityMessage)), Local("2026-11-26T09:01"));
        Assert.Equal(SlaLevel.Paused, paused.Standing!.Level);
        Assert.Null(paused.WakeAt);
        Assert.Empty(Evaluator.Evaluate(paused.State, Record(waiting, Entry("reply-1", "2026-11-26T09:00", TimelineEntryKind.MunicipalityMessage)),
            Local("2026-12-10T09:00")).Notices);

        var closed = Evaluator.Evaluate(paused.State, Record(NewCase(CaseStatus.Closed)), Local("2026-11-26T11:00"));
        Assert.True(closed.Ended);
        Assert.Null(closed.WakeAt);
        Assert.Equal(SlaClockState.Stopped, closed.State.Tracker!.Resolution.State);
    }

    [Fact]
    public void A_reopened_case_owes_a_new_answer_and_keeps_the_resolution_time_it_used()
    {
        var closed = Evaluator.Evaluate(CaseSlaState.New("c1"),
            Record(NewCase(CaseStatus.Closed), Entry("reply-1", "2026-11-26T09:00", TimelineEntryKind.MunicipalityMessage)), Local("2026-11-26T09:00"));
        Assert.True(closed.Ended);

        var reopened = Evaluator.Evaluate(closed.State,
            Record(NewCase(CaseStatus.InProgress), Entry("reply-1", "2026-11-26T09:00", TimelineEntryKind.MunicipalityMessage),
                Entry("c-reopen", "2026-11-30T08:00", TimelineEntryKind.Event)), Local("2026-11-30T08:00"));

        Assert.False(reopened.Ended);
        Assert.Equal(SlaTarget.NextResponse, reopened.State.Tracker!.Response.Target);
        Assert.Equal(SlaClockState.Running, reopened.State.Tracker.Resolution.State);
        Assert.Equal(TimeSpan.FromHours(1), reopened.State.Tracker.Resolution.Used); // Thursday 08:00–09:00
    }

    [Fact]
    public void A_resolution_overdue_by_the_margin_asks_for_a_delay_notice_once()
    {
        var c = NewCase(CaseStatus.InProgress);
        var timeline = new[] { Entry("reply-1", "2026-11-26T09:00", TimelineEntryKind.MunicipalityMessage) };
        // Resolution due Friday 10:30 (10 h); the notice 4 h later: Friday 10:30–12 and 13–15 is 3.5 h, then Monday 08:30.
        var before = Evaluator.Evaluate(CaseSlaState.New("c1"), Record(c, timeline), Local("2026-11-27T14:00"));
        Assert.DoesNotContain(before.Notices, n => n.Kind == SlaNoticeKind.DelayNotice);
        Assert.Equal(Local("2026-11-30T08:30"), before.WakeAt);

        var due = Evaluator.Evaluate(before.State, Record(c, timeline), Local("2026-11-30T08:30"));
        Assert.Single(due.Notices, n => n.Kind == SlaNoticeKind.DelayNotice);
        Assert.DoesNotContain(Evaluator.Evaluate(due.State, Record(c, timeline), Local("2026-11-30T09:00")).Notices,
            n => n.Kind == SlaNoticeKind.DelayNotice);
    }

    [Fact]
    public void A_workflow_started_afresh_gives_nothing_the_timeline_says_was_given()
    {
        var c = NewCase();
        var warned = Evaluator.Evaluate(CaseSlaState.New("c1"), Record(c), Local("2026-11-26T09:31"));
        var key = Assert.Single(warned.Notices).Key;

        var afresh = Evaluator.Evaluate(CaseSlaState.New("c1"),
            Record(c, Entry(CaseSlaEvaluator.NoticeEntryPrefix + key, "2026-11-26T09:31", TimelineEntryKind.Event)), Local("2026-11-26T09:40"));

        Assert.Empty(afresh.Notices);
    }

    [Fact]
    public void A_case_that_is_gone_ends_its_workflow()
    {
        var gone = Evaluator.Evaluate(CaseSlaState.New("c1"), null, Thursday0800);
        Assert.True(gone.Ended);
        Assert.Empty(gone.Notices);
    }
}
