using Bollebygd.Core.Sla;

namespace Bollebygd.Core.Tests.Sla;

/// <summary>Every public holiday 2024–2030 by Lag (1989:253), written out by hand from the almanac, not computed.</summary>
public class SwedishHolidaysTests
{
    public static TheoryData<int, string[]> Years => new()
    {
        { 2024, ["01-01", "01-06", "03-29", "03-31", "04-01", "05-01", "05-09", "05-19", "06-06", "06-22", "11-02", "12-25", "12-26"] },
        { 2025, ["01-01", "01-06", "04-18", "04-20", "04-21", "05-01", "05-29", "06-06", "06-08", "06-21", "11-01", "12-25", "12-26"] },
        { 2026, ["01-01", "01-06", "04-03", "04-05", "04-06", "05-01", "05-14", "05-24", "06-06", "06-20", "10-31", "12-25", "12-26"] },
        { 2027, ["01-01", "01-06", "03-26", "03-28", "03-29", "05-01", "05-06", "05-16", "06-06", "06-26", "11-06", "12-25", "12-26"] },
        { 2028, ["01-01", "01-06", "04-14", "04-16", "04-17", "05-01", "05-25", "06-04", "06-06", "06-24", "11-04", "12-25", "12-26"] },
        { 2029, ["01-01", "01-06", "03-30", "04-01", "04-02", "05-01", "05-10", "05-20", "06-06", "06-23", "11-03", "12-25", "12-26"] },
        { 2030, ["01-01", "01-06", "04-19", "04-21", "04-22", "05-01", "05-30", "06-06", "06-09", "06-22", "11-02", "12-25", "12-26"] },
    };

    [Theory]
    [MemberData(nameof(Years))]
    public void The_holidays_of_the_year_are_those_of_the_law(int year, string[] expected) =>
        Assert.Equal(expected.Select(d => DateOnly.Parse($"{year}-{d}")), SwedishHolidays.ByLaw(year).Select(h => h.Date));

    [Theory]
    [InlineData(2024, "06-21")]
    [InlineData(2025, "06-20")]
    [InlineData(2026, "06-19")]
    [InlineData(2027, "06-25")]
    [InlineData(2028, "06-23")]
    [InlineData(2029, "06-22")]
    [InlineData(2030, "06-21")]
    public void Midsommarafton_julafton_and_nyarsafton_are_closed_by_default(int year, string midsummerEve)
    {
        Assert.Equal([DateOnly.Parse($"{year}-{midsummerEve}"), new DateOnly(year, 12, 24), new DateOnly(year, 12, 31)],
            SwedishHolidays.ClosedAftons(year).Select(h => h.Date));
        var calendar = new BusinessCalendar();
        Assert.False(calendar.IsWorkingDay(DateOnly.Parse($"{year}-{midsummerEve}")));
        Assert.True(new BusinessCalendar(aftonsClosed: false).IsWorkingDay(DateOnly.Parse($"{year}-{midsummerEve}")));
    }

    [Fact]
    public void The_named_days_are_where_the_law_puts_them()
    {
        var named = SwedishHolidays.ByLaw(2026).ToDictionary(h => h.Name, h => h.Date);
        Assert.Equal(new DateOnly(2026, 6, 20), named["Midsommardagen"]);
        Assert.Equal(DayOfWeek.Saturday, named["Midsommardagen"].DayOfWeek);
        Assert.Equal(new DateOnly(2026, 10, 31), named["Alla helgons dag"]);
        Assert.Equal(DayOfWeek.Friday, named["Långfredagen"].DayOfWeek);
        Assert.Equal(DayOfWeek.Thursday, named["Kristi himmelsfärdsdag"].DayOfWeek);
        Assert.Equal(DayOfWeek.Sunday, named["Pingstdagen"].DayOfWeek);
    }
}
