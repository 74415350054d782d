using System.Text.Json.Nodes;

namespace Bollebygd.Infra.Tests;

/// <summary>infra/main.bicep compiled once to ARM JSON (bicep build --stdout), with its resources found at any depth.</summary>
public sealed class CompiledTemplate
{
    public CompiledTemplate()
    {
        var (code, stdout, stderr) = BicepCli.Run("build", "infra/main.bicep", "--stdout");
        BuildExitCode = code;
        BuildDiagnostics = stderr.Trim();
        Json = stdout;
        Root = code == 0 ? JsonNode.Parse(stdout)!.AsObject() : new JsonObject();
    }

    public int BuildExitCode { get; }

    public string BuildDiagnostics { get; }

    public string Json { get; }

    public JsonObject Root { get; }

    /// <summary>Every resource, in main and in every module (nested deployment), whether listed or keyed by symbolic name.</summary>
    public IEnumerable<JsonObject> Resources => All(Root);

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type) => Assert.Single(OfType(type));

    private static IEnumerable<JsonObject> All(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray list => list.OfType<JsonObject>(),
            JsonObject keyed => keyed.Select(kv => kv.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in All(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
