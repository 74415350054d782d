using System.Globalization;
using System.Text.Json;

namespace Bollebygd.Core.Forms;

/// <summary>
/// What the citizen sent, before validation, in one shape whether it came as JSON or as an HTML form post: each key
/// (a field name, or <c>field.part</c> for an address) holds the list of texts given for it.
/// </summary>
public sealed class FormInput
{
    private readonly Dictionary<string, IReadOnlyList<string>> _values;

    private FormInput(Dictionary<string, IReadOnlyList<string>> values) => _values = values;

    public IReadOnlyCollection<string> Keys => _values.Keys;

    public IReadOnlyList<string> All(string key) => _values.TryGetValue(key, out var v) ? v : [];

    /// <summary>The first non-empty text for the key, trimmed; null when there is none.</summary>
    public string? Single(string key) => All(key).Select(v => v.Trim()).FirstOrDefault(v => v.Length > 0);

    public static FormInput FromPairs(IEnumerable<KeyValuePair<string, IEnumerable<string?>>> pairs)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, texts) in pairs)
        {
            values[key] = texts.Where(t => t is not null).Select(t => t!).ToList();
        }
        return new FormInput(values);
    }

    /// <summary>From a JSON object: strings, numbers and booleans as text, arrays as lists, an object (an address) as <c>key.part</c>.</summary>
    public static FormInput FromJson(JsonElement values)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (values.ValueKind != JsonValueKind.Object)
        {
            return new FormInput(result);
        }
        foreach (var property in values.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var part in property.Value.EnumerateObject())
                {
                    result[$"{property.Name}.{part.Name}"] = Texts(part.Value);
                }
            }
            else
            {
                result[property.Name] = Texts(property.Value);
            }
        }
        return new FormInput(result);
    }

    private static List<string> Texts(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Texts).ToList(),
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Number => [value.TryGetDecimal(out var number) ? number.ToString(CultureInfo.InvariantCulture) : value.GetRawText()],
        JsonValueKind.True => ["true"],
        JsonValueKind.False => ["false"],
        _ => [],
    };
}
