using System.Text.Json.Nodes;

namespace Bollebygd.LocalHost.Metadata;

/// <summary>One entry of <c>functions.metadata</c>, as the Worker SDK writes it.</summary>
public sealed record FunctionEntry(string Name, string ScriptFile, string EntryPoint, IReadOnlyList<JsonObject> Bindings)
{
    /// <summary>The binding whose type ends in "Trigger"; every function has exactly one.</summary>
    public JsonObject? Trigger => Bindings.SingleOrDefault(b => BindingType(b).EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));

    public string TriggerType => Trigger is { } t ? BindingType(t) : "";

    public static string BindingType(JsonObject binding) => binding["type"]?.GetValue<string>() ?? "";

    public static string? BindingName(JsonObject binding) => binding["name"]?.GetValue<string>();

    public static string? BindingString(JsonObject binding, string property) =>
        binding[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool BindingBool(JsonObject binding, string property) =>
        binding[property] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
