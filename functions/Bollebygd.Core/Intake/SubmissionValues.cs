using System.Globalization;
using System.Text.Json;

namespace Bollebygd.Core.Intake;

/// <summary>
/// Reads a stored submission's values (<see cref="SubmissionRecord.Values"/>, JSON elements once read back) as text,
/// number or date, for work that goes on with them (a request to EDP Future, a customer lookup).
/// </summary>
public static class SubmissionValues
{
    public static string? Text(IReadOnlyDictionary<string, object?> values, string name) => values.GetValueOrDefault(name) switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement { ValueKind: JsonValueKind.Array } e => string.Join(", ", e.EnumerateArray().Select(v => v.ToString())),
        JsonElement { ValueKind: JsonValueKind.Null } => null,
        JsonElement e => e.ToString(),
        IEnumerable<string> list => string.Join(", ", list),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    public static double? Number(IReadOnlyDictionary<string, object?> values, string name) =>
        double.TryParse(Text(values, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static DateOnly? Date(IReadOnlyDictionary<string, object?> values, string name) =>
        DateOnly.TryParseExact(Text(values, name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
