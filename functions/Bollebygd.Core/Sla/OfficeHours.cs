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

    private static IReadOnlyList<OfficeSlot> Day(int closeHour, int closeMinute) =>
        [new(new TimeOnly(8, 0), new TimeOnly(12, 0)), new(new TimeOnly(13, 0), new TimeOnly(closeHour, closeMinute))];
}
