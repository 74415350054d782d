namespace Bollebygd.Core.Sla;

/// <summary>
/// The Swedish public holidays of a year as Lag (1989:253) om allmänna helgdagar lists them — every Sunday besides —
/// and the three aftons that are working days by law but closed in practice (midsommarafton, julafton, nyårsafton).
/// </summary>
public static class SwedishHolidays
{
    /// <summary>The allmänna helgdagar of the year that are not (necessarily) Sundays, in date order.</summary>
    public static IReadOnlyList<Holiday> ByLaw(int year)
    {
        var easter = EasterSunday(year);
        var midsummerDay = SaturdayBetween(new DateOnly(year, 6, 20));
        var allSaints = SaturdayBetween(new DateOnly(year, 10, 31));
        return new List<Holiday>
        {
            new(new DateOnly(year, 1, 1), "Nyårsdagen", true),
            new(new DateOnly(year, 1, 6), "Trettondedag jul", true),
            new(easter.AddDays(-2), "Långfredagen", true),
            new(easter, "Påskdagen", true),
            new(easter.AddDays(1), "Annandag påsk", true),
            new(new DateOnly(year, 5, 1), "Första maj", true),
            new(easter.AddDays(39), "Kristi himmelsfärdsdag", true),
            new(easter.AddDays(49), "Pingstdagen", true),
            new(new DateOnly(year, 6, 6), "Sveriges nationaldag", true),
            new(midsummerDay, "Midsommardagen", true),
            new(allSaints, "Alla helgons dag", true),
            new(new DateOnly(year, 12, 25), "Juldagen", true),
            new(new DateOnly(year, 12, 26), "Annandag jul", true),
        }.OrderBy(h => h.Date).ToList();
    }

    /// <summary>The aftons that are closed by default.</summary>
    public static IReadOnlyList<Holiday> ClosedAftons(int year) =>
    [
        new(SaturdayBetween(new DateOnly(year, 6, 20)).AddDays(-1), "Midsommarafton", false),
        new(new DateOnly(year, 12, 24), "Julafton", false),
        new(new DateOnly(year, 12, 31), "Nyårsafton", false),
    ];

    /// <summary>Easter Sunday (Gregorian computus, the "anonymous" algorithm of Meeus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The Saturday in the week that starts on <paramref name="first"/> (the law's "lördag som infaller under tiden …").</summary>
    private static DateOnly SaturdayBetween(DateOnly first) =>
        first.AddDays(((int)DayOfWeek.Saturday - (int)first.DayOfWeek + 7) % 7);
}
