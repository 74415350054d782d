using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Bollebygd.LocalHost.Configuration;

/// <summary>
/// The <c>Values</c> of a <c>local.settings.json</c> (the file <c>func start</c> reads) as configuration, with
/// <c>__</c> meaning a section separator as in environment variables. So LocalHost and Core Tools share one file.
/// </summary>
public sealed class LocalSettingsSource(string path) : IConfigurationSource
{
    public string Path { get; } = path;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(Path);

    private sealed class Provider(string path) : ConfigurationProvider
    {
        public override void Load()
        {
            Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (!File.Exists(path))
            {
                return;
            }
            var values = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })?["Values"] as JsonObject;
            foreach (var (key, value) in values ?? [])
            {
                Data[key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = value?.ToString();
            }
        }
    }
}
