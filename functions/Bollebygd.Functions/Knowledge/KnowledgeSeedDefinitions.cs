using System.Text.Json;
using Bollebygd.Core.Knowledge;

namespace Bollebygd.Functions.Knowledge;

/// <summary>The articles of Knowledge/articles.json, which an empty knowledge base starts with.</summary>
public static class KnowledgeSeedDefinitions
{
    public static KnowledgeSeed Load(TimeProvider time)
    {
        using var stream = typeof(KnowledgeSeedDefinitions).Assembly.GetManifestResourceStream("knowledge/articles.json")
            ?? throw new InvalidOperationException("knowledge/articles.json is not embedded.");
        var articles = JsonSerializer.Deserialize<List<SeedArticle>>(stream, JsonSerializerOptions.Web) ?? [];
        var now = time.GetUtcNow();
        return new KnowledgeSeed(articles.Select(a => new KnowledgeArticle(a.Id, a.Title, KnowledgeService.CleanMarkdown(a.Body), a.Category,
            a.IsPublic, a.Keywords ?? [], a.ServiceIds ?? [], 0, now, "system")).ToList());
    }

    private sealed record SeedArticle(string Id, string Title, string Body, string Category, bool IsPublic, List<string>? Keywords, List<string>? ServiceIds);
}
