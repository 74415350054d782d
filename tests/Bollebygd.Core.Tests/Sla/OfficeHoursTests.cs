using Bollebygd.Core.Sla;

namespace Bollebygd.Core.Tests.Sla;

public class OfficeHoursTests
{
    [Fact]
    public void The_setting_reads_day_ranges_lists_and_several_slots_a_day()
    {
        var hours = OfficeHours.Parse("Mon-Thu 08:00-12:00,13:00-16:30; Fri 08:00-12:00,13:00-15:00; Sat,Sun 10:00-14:00");

        Assert.Equal(OfficeHours.Default.On(DayOfWeek.Tuesday), hours.On(DayOfWeek.Tuesday));
        Assert.Equal(OfficeHours.Default.On(DayOfWeek.Friday), hours.On(DayOfWeek.Friday));
        Assert.Equal([new OfficeSlot(new TimeOnly(10, 0), new TimeOnly(14, 0))], hours.On(DayOfWeek.Sunday));
    }

    [Fact]
    public void A_calendar_open_round_the_clock_without_holidays_has_business_time_at_any_hour()
    {
        var always = new BusinessCalendar(OfficeHours.Parse("Mon-Sun 00:00-24:00"), aftonsClosed: false, publicHolidays: false);
        var christmasNight = DateTimeOffset.Parse("2026-12-25T02:00+01:00");

        Assert.True(always.IsBusinessTime(christmasNight));
        Assert.Equal(christmasNight.AddMinutes(5), always.AddBusinessTime(christmasNight, TimeSpan.FromMinutes(5)));
        // The law's calendar is closed then.
        Assert.False(new BusinessCalendar().IsBusinessTime(christmasNight));
    }

    [Theory]
    [InlineData("Mon-Fri", "write the days")]
    [InlineData("Mon-Fri 08:00-25:00", "is not a slot")]
    [InlineData("Mon-Fri 12:00-08:00", "is not a slot")]
    [InlineData("Mon-Fri 08:00-12:00,11:00-16:00", "overlap")]
    [InlineData("Fri-Mon 08:00-12:00", "is not a range")]
    [InlineData("Mån 08:00-12:00", "is not a day")]
    [InlineData("Mon 08:00-12:00; Mon 13:00-16:00", "named twice")]
    public void A_setting_that_cannot_be_read_says_what_is_wrong(string text, string problem)
    {
        var error = Assert.Throws<FormatException>(() => OfficeHours.Parse(text));
        Assert.Contains(problem, error.Message);
    }
}
