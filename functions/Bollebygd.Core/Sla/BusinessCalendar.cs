namespace Bollebygd.Core.Sla;

/// <summary>
/// Business time in Europe/Stockholm: the office slots of working days — not Sundays, not the public holidays of
/// Lag (1989:253), and not the closed aftons unless told otherwise. (A calendar without public holidays — a 24/7 test
/// setup — has only its office slots.) Pure: the SLA workflows ask it when something
/// falls due and whether a message may be sent now, and it answers in UTC instants across daylight-saving changes.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>How far ahead it looks for the next business instant before giving up (a calendar with no hours).</summary>
    private const int MaxDaysAhead = 3660;

    private readonly OfficeHours _hours;
    private readonly TimeZoneInfo _zone;
    private readonly bool _aftonsClosed;
    private readonly bool _publicHolidays;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, HashSet<DateOnly>> _closed = new();

    public BusinessCalendar(OfficeHours? hours = null, TimeZoneInfo? zone = null, bool aftonsClosed = true, bool publicHolidays = true)
    {
        _hours = hours ?? OfficeHours.Default;
        _zone = zone ?? SwedishTime.Zone;
        _aftonsClosed = aftonsClosed;
        _publicHolidays = publicHolidays;
    }

    public bool IsWorkingDay(DateOnly date) =>
        !_publicHolidays || date.DayOfWeek != DayOfWeek.Sunday && !ClosedDays(date.Year).Contains(date);

    private HashSet<DateOnly> ClosedDays(int year) => _closed.GetOrAdd(year, y =>
        SwedishHolidays.ByLaw(y).Concat(_aftonsClosed ? SwedishHolidays.ClosedAftons(y) : []).Select(h => h.Date).ToHashSet());

    public bool IsBusinessTime(DateTimeOffset instant) => NextBusinessInstant(instant) == instant;

    /// <summary>The instant itself when it is business time, else the start of the next office slot.</summary>
    public DateTimeOffset NextBusinessInstant(DateTimeOffset from)
    {
        foreach (var (start, end) in SlotsFrom(from))
        {
            if (end > from)
            {
                return start > from ? start : from;
            }
        }
        throw new InvalidOperationException("The calendar has no business hours.");
    }

    /// <summary>The instant when <paramref name="duration"/> of business time has passed after <paramref name="start"/>.</summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "Business time runs forwards only.");
        }
        var left = duration;
        foreach (var (slotStart, slotEnd) in SlotsFrom(start))
        {
            if (slotEnd <= start)
            {
                continue;
            }
            var from = slotStart > start ? slotStart : start;
            var available = slotEnd - from;
            if (left <= available)
            {
                return from + left;
            }
            left -= available;
        }
        throw new InvalidOperationException("The calendar has no business hours.");
    }

    /// <summary>The business time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }
        foreach (var (slotStart, slotEnd) in SlotsFrom(from))
        {
            if (slotStart >= to)
            {
                break;
            }
            var start = slotStart > from ? slotStart : from;
            var end = slotEnd < to ? slotEnd : to;
            if (end > start)
            {
                total += end - start;
            }
        }
        return total;
    }

    /// <summary>The office slots of working days as UTC instants, from the local day of <paramref name="from"/> on.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> SlotsFrom(DateTimeOffset from)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, _zone).DateTime);
        for (var i = 0; i < MaxDaysAhead; i++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }
            foreach (var slot in _hours.On(day.DayOfWeek))
            {
                yield return (Instant(day, slot.Start), Instant(day, slot.End));
            }
        }
    }

    /// <summary>A local wall-clock time as an instant; a time skipped by the spring change moves forward with the clock.</summary>
    private DateTimeOffset Instant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
