using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bollebygd.Core.Catalog;

/// <summary>
/// Shows a field only when another field has a given value: <c>equals</c> one value (a string, or <c>true</c> for a
/// checkbox; for a multiselect, "is among the chosen") or <c>in</c> a list of values.
/// </summary>
public sealed record VisibilityCondition(
    string Field,
    [property: JsonPropertyName("equals")] JsonElement? EqualTo = null,
    IReadOnlyList<string>? In = null)
{
    [JsonIgnore]
    public IReadOnlyList<string> AcceptedValues =>
        In ?? (EqualTo is { } e
            ? [e.ValueKind switch { JsonValueKind.True => "true", JsonValueKind.False => "false", _ => e.ToString() }]
            : []);
}
