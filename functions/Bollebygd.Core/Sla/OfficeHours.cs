namespace Bollebygd.Core.Sla;

/// <summary>
/// Opening hours per weekday, several slots a day (a lunch break is a gap between slots). The default is the
/// municipality's: Monday–Thursday 08:00–12:00 and 13:00–16:30, Friday 08:00–12:00 and 13:00–15:00.
/// </summary>
public sealed record OfficeHours(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OfficeSlot>> Slots)
{
    public static OfficeHours Default { get; } = new(new Dictionary<DayOfWeek, IReadOnlyList<OfficeSlot>>
    {
        [DayOfWeek.Monday] = Day(16, 30),
        [DayOfWeek.Tuesday] = Day(16, 30),
        [DayOfWeek.Wednesday] = Day(16, 30),
        [DayOfWeek.Thursday] = Day(16, 30),
        [DayOfWeek.Friday] = Day(15, 0),
    });

    public IReadOnlyList<OfficeSlot> On(DayOfWeek day) => Slots.TryGetValue(day, out var slots) ? slots : [];

    /// <summary>
    /// Reads hours written as the setting <c>Sla:OfficeHours</c> holds them: groups of days and their slots, separated by
    /// semicolons, as in <c>Mon-Thu 08:00-12:00,13:00-16:30; Fri 08:00-12:00,13:00-15:00</c>. Days are Mon…Sun, a
    /// range or a comma list; <c>24:00</c> ends a slot at midnight. A day named twice, overlapping slots or a slot that
    /// ends before it starts is an error, reported with the part that is wrong.
    /// </summary>
    public static OfficeHours Parse(string text)
    {
        var slots = new Dictionary<DayOfWeek, IReadOnlyList<OfficeSlot>>();
        foreach (var group in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = group.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw new FormatException($"Office hours '{group}': write the days, a space, then the slots (Mon-Fri 08:00-16:00).");
            }
            var daySlots = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(slot => Slot(slot, group)).OrderBy(s => s.Start).ToList();
            for (var i = 1; i < daySlots.Count; i++)
            {
                if (daySlots[i].Start < daySlots[i - 1].End)
                {
                    throw new FormatException($"Office hours '{group}': the slots overlap.");
                }
            }
            foreach (var day in Days(parts[0], group))
            {
                if (!slots.TryAdd(day, daySlots))
                {
                    throw new FormatException($"Office hours '{group}': {day} is named twice.");
                }
            }
        }
        return new OfficeHours(slots);
    }

    private static OfficeSlot Slot(string text, string group)
    {
        var times = text.Split('-', StringSplitOptions.TrimEntries);
        if (times.Length != 2 || Time(times[0]) is not { } start || Time(times[1]) is not { } end || end <= start)
        {
            throw new FormatException($"Office hours '{group}': '{text}' is not a slot such as 08:00-12:00.");
        }
        return new OfficeSlot(start, end);
    }

    private static TimeOnly? Time(string text) =>
        text == "24:00" ? TimeOnly.MaxValue
        : TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t) ? t
        : null;

    private static IEnumerable<DayOfWeek> Days(string text, string group)
    {
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = item.Split('-', StringSplitOptions.TrimEntries);
            var first = Day(range[0], group);
            var last = range.Length == 2 ? Day(range[1], group) : first;
            if (range.Length > 2 || Index(last) < Index(first))
            {
                throw new FormatException($"Office hours '{group}': '{item}' is not a range of days such as Mon-Fri.");
            }
            for (var i = Index(first); i <= Index(last); i++)
            {
                yield return WeekOrder[i];
            }
        }
    }

    private static readonly DayOfWeek[] WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static int Index(DayOfWeek day) => Array.IndexOf(WeekOrder, day);

    private static DayOfWeek Day(string name, string group) =>
        WeekOrder.FirstOrDefault(d => d.ToString()[..3].Equals(name, StringComparison.OrdinalIgnoreCase), (DayOfWeek)(-1)) is var day && (int)day >= 0
            ? day
            : throw new FormatException($"Office hours '{group}': '{name}' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun).");

    private static IReadOnlyList<OfficeSlot> Day(int closeHour, int closeMinute) =>
        [new(new TimeOnly(8, 0), new TimeOnly(12, 0)), new(new TimeOnly(13, 0), new TimeOnly(closeHour, closeMinute))];
}
