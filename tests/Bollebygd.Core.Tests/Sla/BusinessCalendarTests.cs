using Bollebygd.Core.Sla;

namespace Bollebygd.Core.Tests.Sla;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = new();

    /// <summary>A Swedish wall-clock time (CET +01 in winter, CEST +02 in summer) as an instant.</summary>
    private static DateTimeOffset Local(string text, int offsetHours) => DateTimeOffset.Parse($"{text}+{offsetHours:00}:00");

    [Fact]
    public void Office_hours_have_a_lunch_break_and_close_early_on_fridays()
    {
        Assert.True(Calendar.IsBusinessTime(Local("2026-11-26T08:00", 1)));
        Assert.False(Calendar.IsBusinessTime(Local("2026-11-26T12:30", 1)));
        Assert.True(Calendar.IsBusinessTime(Local("2026-11-26T16:29", 1)));
        Assert.False(Calendar.IsBusinessTime(Local("2026-11-27T15:10", 1))); // Friday after 15:00
        Assert.False(Calendar.IsBusinessTime(Local("2026-11-28T10:00", 1))); // Saturday
        Assert.False(Calendar.IsBusinessTime(Local("2026-12-24T10:00", 1))); // julafton
    }

    [Fact]
    public void The_next_business_instant_skips_nights_weekends_and_holidays()
    {
        Assert.Equal(Local("2026-11-26T13:00", 1), Calendar.NextBusinessInstant(Local("2026-11-26T12:15", 1)));
        Assert.Equal(Local("2026-11-30T08:00", 1), Calendar.NextBusinessInstant(Local("2026-11-27T22:00", 1)));
        // Julafton, juldagen, annandag jul and the weekend: the Monday after.
        Assert.Equal(Local("2026-12-28T08:00", 1), Calendar.NextBusinessInstant(Local("2026-12-23T17:00", 1)));
        // Nyårsafton, nyårsdagen, then the Friday 2 January 2026 is a working day.
        Assert.Equal(Local("2026-01-02T08:00", 1), Calendar.NextBusinessInstant(Local("2025-12-30T18:00", 1)));
        var inside = Local("2026-11-26T09:17", 1);
        Assert.Equal(inside, Calendar.NextBusinessInstant(inside));
    }

    [Fact]
    public void Business_time_is_added_slot_by_slot()
    {
        // Thursday 11:30 + 1 h: half an hour before lunch, half an hour after.
        Assert.Equal(Local("2026-11-26T13:30", 1), Calendar.AddBusinessTime(Local("2026-11-26T11:30", 1), TimeSpan.FromHours(1)));
        // Friday 14:30 + 1 h: the Friday closes at 15:00; Monday 08:30.
        Assert.Equal(Local("2026-11-30T08:30", 1), Calendar.AddBusinessTime(Local("2026-11-27T14:30", 1), TimeSpan.FromHours(1)));
        // 14.5 h from Wednesday 13 May 2026 08:00: Wednesday 7.5 h, Thursday is Kristi himmelsfärd, Friday 6 h, Monday the last hour.
        Assert.Equal(Local("2026-05-18T09:00", 2), Calendar.AddBusinessTime(Local("2026-05-13T08:00", 2), TimeSpan.FromHours(14.5)));
    }

    [Fact]
    public void Adding_business_time_across_the_spring_change_lands_on_summer_time()
    {
        // Friday 27 March 2026 14:30 CET; clocks go forward on Sunday 29 March; Monday 08:30 is CEST (+02).
        var due = Calendar.AddBusinessTime(Local("2026-03-27T14:30", 1), TimeSpan.FromHours(1));
        Assert.Equal(Local("2026-03-30T08:30", 2), due);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 6, 30, 0, TimeSpan.Zero), due);
        Assert.Equal(TimeSpan.FromHours(1), Calendar.BusinessTimeBetween(Local("2026-03-27T14:30", 1), due));
    }

    [Fact]
    public void Adding_business_time_across_the_autumn_change_lands_on_winter_time()
    {
        // Friday 23 October 2026 14:30 CEST; clocks go back on Sunday 25 October; Monday 08:30 is CET (+01).
        var due = Calendar.AddBusinessTime(Local("2026-10-23T14:30", 2), TimeSpan.FromHours(1));
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 7, 30, 0, TimeSpan.Zero), due);
        Assert.Equal(TimeSpan.FromHours(1), Calendar.BusinessTimeBetween(Local("2026-10-23T14:30", 2), due));
    }

    [Fact]
    public void Business_time_between_counts_only_open_slots()
    {
        Assert.Equal(TimeSpan.FromHours(7.5), Calendar.BusinessTimeBetween(Local("2026-11-26T00:00", 1), Local("2026-11-27T00:00", 1)));
        Assert.Equal(TimeSpan.FromHours(7.5 * 4 + 6), Calendar.BusinessTimeBetween(Local("2026-11-23T00:00", 1), Local("2026-11-30T00:00", 1)));
        Assert.Equal(TimeSpan.Zero, Calendar.BusinessTimeBetween(Local("2026-12-24T00:00", 1), Local("2026-12-27T00:00", 1)));
        Assert.Equal(TimeSpan.Zero, Calendar.BusinessTimeBetween(Local("2026-11-27T00:00", 1), Local("2026-11-26T00:00", 1)));
    }

    [Fact]
    public void Slots_that_meet_the_night_of_a_clock_change_keep_their_real_length()
    {
        // A calendar open every night 01:00–04:00 (a 24/7 duty desk, say), aftons and holidays aside.
        var nights = new OfficeHours(Enum.GetValues<DayOfWeek>().ToDictionary(d => d,
            d => (IReadOnlyList<OfficeSlot>)[new OfficeSlot(new TimeOnly(1, 0), new TimeOnly(4, 0))]));
        var duty = new BusinessCalendar(nights);
        // Saturday 28 March 2026: 3 h. Sunday is a holiday by law, so take Saturdays around the changes instead:
        Assert.Equal(TimeSpan.FromHours(3), duty.BusinessTimeBetween(Local("2026-03-28T00:00", 1), Local("2026-03-28T12:00", 1)));
        // The spring night (Sunday 29 March) is closed as a Sunday; Monday 30 March 01:00–04:00 CEST is 3 h.
        Assert.Equal(TimeSpan.FromHours(3), duty.BusinessTimeBetween(Local("2026-03-29T00:00", 1), Local("2026-03-30T12:00", 2)));
    }
}
