using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bollebygd.Core.Catalog;
using Bollebygd.Core.Forms;
using Bollebygd.TestSupport;

namespace Bollebygd.Core.Tests.Forms;

/// <summary>
/// The test vectors in web/tests/validation-cases.json, which the browser's validation.mjs also runs (node --test):
/// the same input must give the same message and the same stored value on both sides.
/// </summary>
public class SharedValidationCasesTests
{
    private static readonly string CasesFile = Path.Combine(RepositoryPaths.Web, "tests", "validation-cases.json");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var item in JsonNode.Parse(File.ReadAllText(CasesFile))!.AsArray())
        {
            data.Add(item!["name"]!.GetValue<string>());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_server_agrees_with_the_browser(string name)
    {
        var item = JsonNode.Parse(File.ReadAllText(CasesFile))!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;
        var field = item["field"].Deserialize<FormField>(ServiceCatalog.Json)!;
        var before = (item["condition"]?.AsArray() ?? []).Select(c => c.Deserialize<FormField>(ServiceCatalog.Json)!).ToList();
        var service = new ServiceDefinition("cases", 1, "Fall", "Fall", ServiceKind.Form, null, ["Invånare"], ["Kontakt och synpunkter"], [], "kundtjanst",
            [new FormStep("Steg", [.. before, field])]);
        var input = FormInput.FromPairs(item["input"]!.AsObject().Select(p => KeyValuePair.Create(p.Key,
            p.Value is JsonArray many ? many.Select(v => v?.ToString()) : (IEnumerable<string?>)[p.Value?.ToString()])));
        var today = DateOnly.ParseExact(item["today"]?.GetValue<string>() ?? "2026-11-27", "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var result = FormValidator.Validate(service, input, today);

        var expectedError = item["error"]?.GetValue<string>();
        Assert.Equal(expectedError, result.Errors.TryGetValue(field.Name, out var errors) ? errors[0] : null);
        if (item.AsObject().ContainsKey("value"))
        {
            var expected = item["value"];
            var actual = result.Values.TryGetValue(field.Name, out var value) ? JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web) : null;
            Assert.True(JsonNode.DeepEquals(Normalize(expected), Normalize(actual)), $"expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}");
        }
    }

    /// <summary>Numbers compare by value (2 and 2.0 are the same stored number).</summary>
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(v.GetValue<decimal>()),
        _ => node?.DeepClone(),
    };
}
