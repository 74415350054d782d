using Cronos;

namespace Bollebygd.LocalHost.Timers;

/// <summary>
/// A 6-field NCRONTAB expression (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>) evaluated in a time
/// zone, as the Functions host does with <c>WEBSITE_TIME_ZONE</c>.
/// </summary>
public sealed class TimerSchedule
{
    public const string TimeZoneSetting = "WEBSITE_TIME_ZONE";
    public const string DefaultTimeZone = "Europe/Stockholm";

    private readonly CronExpression _expression;

    private TimerSchedule(string expression, CronExpression parsed, TimeZoneInfo timeZone)
    {
        Expression = expression;
        _expression = parsed;
        TimeZone = timeZone;
    }

    public string Expression { get; }

    public TimeZoneInfo TimeZone { get; }

    public static TimerSchedule Parse(string expression, string? timeZoneId)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            throw new FormatException(
                $"'{expression}' is not a 6-field NCRONTAB expression ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}).");
        }
        var parsed = CronExpression.Parse(string.Join(' ', fields), CronFormat.IncludeSeconds);
        var zoneId = string.IsNullOrWhiteSpace(timeZoneId) ? DefaultTimeZone : timeZoneId;
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new FormatException($"{TimeZoneSetting} '{zoneId}' is not a known time zone.");
        }
        return new TimerSchedule(expression, parsed, zone);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset after) =>
        _expression.GetNextOccurrence(after, TimeZone, inclusive: false)
        ?? throw new InvalidOperationException($"The schedule '{Expression}' never fires again.");
}
