using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bollebygd.LocalHost.StaticWeb;

/// <summary>
/// The parts of <c>staticwebapp.config.json</c> LocalHost applies: <c>navigationFallback</c> (rewrite and exclude)
/// and <c>globalHeaders</c>.
/// </summary>
public sealed class StaticWebAppConfig
{
    public const string FileName = "staticwebapp.config.json";

    public string? FallbackRewrite { get; private init; }

    public IReadOnlyList<Regex> FallbackExclude { get; private init; } = [];

    public IReadOnlyDictionary<string, string> GlobalHeaders { get; private init; } = new Dictionary<string, string>();

    public static StaticWebAppConfig Load(string webRoot)
    {
        var path = Path.Combine(webRoot, FileName);
        if (!File.Exists(path))
        {
            return new StaticWebAppConfig();
        }
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var fallback = root["navigationFallback"];
        return new StaticWebAppConfig
        {
            FallbackRewrite = fallback?["rewrite"]?.GetValue<string>(),
            FallbackExclude = (fallback?["exclude"]?.AsArray() ?? []).Select(e => GlobToRegex(e!.GetValue<string>())).ToList(),
            GlobalHeaders = (root["globalHeaders"]?.AsObject() ?? []).ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>()),
        };
    }

    public bool ShouldFallBack(string path) =>
        FallbackRewrite is not null && !FallbackExclude.Any(rx => rx.IsMatch(path));

    /// <summary>Static Web Apps' wildcard syntax: <c>*</c> within a segment, <c>{a,b}</c> alternatives.</summary>
    public static Regex GlobToRegex(string glob)
    {
        var pattern = Regex.Escape(glob)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\{", "(", StringComparison.Ordinal)
            .Replace("}", ")", StringComparison.Ordinal);
        pattern = Regex.Replace(pattern, @"\(([^)]*)\)", m => "(" + m.Groups[1].Value.Replace(",", "|", StringComparison.Ordinal) + ")");
        return new Regex("^" + pattern + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
