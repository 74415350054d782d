using Bollebygd.LocalHost.Timers;

namespace Bollebygd.Functions.Tests.LocalHost;

public class TimerScheduleTests
{
    [Fact]
    public void Occurrences_follow_Stockholm_wall_time_across_the_spring_change()
    {
        var schedule = TimerSchedule.Parse("0 0 3 * * *", "Europe/Stockholm");

        // 03:00 on 28 March is CET (UTC+1); on 29 March clocks go forward and 03:00 is CEST (UTC+2).
        var first = schedule.Next(new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero));
        var second = schedule.Next(first);

        Assert.Equal(new DateTimeOffset(2026, 3, 28, 2, 0, 0, TimeSpan.Zero), first.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), second.ToUniversalTime());
    }

    [Fact]
    public void The_time_zone_defaults_to_Stockholm()
    {
        Assert.Equal("Europe/Stockholm", TimerSchedule.Parse("*/5 * * * * *", null).TimeZone.Id);
    }

    [Fact]
    public void Seconds_are_the_first_field()
    {
        var schedule = TimerSchedule.Parse("*/2 * * * * *", "UTC");
        var start = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(start.AddSeconds(2), schedule.Next(start));
    }

    [Theory]
    [InlineData("0 */5 * * *", "6-field NCRONTAB")]
    [InlineData("00:05:00", "6-field NCRONTAB")]
    public void A_schedule_that_is_not_six_field_NCRONTAB_is_refused(string expression, string message)
    {
        var ex = Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression, null));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        var ex = Assert.Throws<FormatException>(() => TimerSchedule.Parse("0 * * * * *", "Mars/Olympus"));
        Assert.Contains("WEBSITE_TIME_ZONE 'Mars/Olympus'", ex.Message);
    }
}
