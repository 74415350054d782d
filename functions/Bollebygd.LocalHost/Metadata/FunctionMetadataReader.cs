using System.Text.Json.Nodes;

namespace Bollebygd.LocalHost.Metadata;

/// <summary>Reads the <c>functions.metadata</c> file that Microsoft.Azure.Functions.Worker.Sdk generates at build.</summary>
public static class FunctionMetadataReader
{
    public const string FileName = "functions.metadata";

    public static IReadOnlyList<FunctionEntry> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"No {FileName} at {path}. Build Bollebygd.Functions first: the Worker SDK writes it to the build output.", path);
        }
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonArray
            ?? throw new InvalidDataException($"{path} is not a JSON array of functions.");
        return root.OfType<JsonObject>().Select(f => new FunctionEntry(
            f["name"]?.GetValue<string>() ?? throw new InvalidDataException("A function in functions.metadata has no name."),
            f["scriptFile"]?.GetValue<string>() ?? "",
            f["entryPoint"]?.GetValue<string>() ?? throw new InvalidDataException("A function in functions.metadata has no entryPoint."),
            (f["bindings"] as JsonArray ?? []).OfType<JsonObject>().ToList())).ToList();
    }
}
