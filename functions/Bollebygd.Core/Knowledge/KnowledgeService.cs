using System.Text.RegularExpressions;
using Bollebygd.Core.Access;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Routing;

namespace Bollebygd.Core.Knowledge;

/// <summary>
/// The knowledge base: search with Swedish-aware tokens (stems, no stop words) weighting title over keywords over
/// body; public articles for a service on the citizen portal; saving by leads and admins with the Markdown kept free
/// of HTML; usage counted when an answer goes into a reply; searches that found nothing kept as gaps.
/// </summary>
public sealed partial class KnowledgeService(IKnowledgeBase store, TimeProvider time)
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20_000;
    public const int MaxResults = 20;
    public const string TitleMissing = "Skriv en rubrik.";
    public const string TitleTooLong = "Rubriken får vara högst 200 tecken.";
    public const string BodyMissing = "Skriv ett svar.";
    public const string BodyTooLong = "Svaret får vara högst 20 000 tecken.";
    public const string CategoryMissing = "Skriv en kategori på högst 100 tecken.";
    public const string IdInvalid = "Artikelns id får bara innehålla a–z, 0–9 och bindestreck.";

    /// <summary>Articles matching the query, best first; internal ones only for staff. A query that finds nothing is a gap.</summary>
    public async Task<IReadOnlyList<KnowledgeArticle>> SearchAsync(string? query, bool includeInternal, CancellationToken cancellationToken)
    {
        var articles = (await store.ListAsync(cancellationToken)).Where(a => includeInternal || a.IsPublic).ToList();
        var tokens = SwedishText.Tokens(query, bigrams: false).Distinct().ToList();
        if (tokens.Count == 0)
        {
            return articles.OrderByDescending(a => a.UsageCount).ThenBy(a => a.Title, StringComparer.Create(new("sv-SE"), false)).Take(MaxResults).ToList();
        }
        var found = articles
            .Select(a => (Article: a, Score: Score(a, tokens)))
            .Where(r => r.Score > 0)
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.Article.UsageCount)
            .Select(r => r.Article)
            .Take(MaxResults)
            .ToList();
        if (found.Count == 0 && includeInternal)
        {
            await store.RecordGapAsync(SwedishText.Normalise(query), time.GetUtcNow(), cancellationToken);
        }
        return found;
    }

    /// <summary>The public articles that belong to an e-service, most used first.</summary>
    public async Task<IReadOnlyList<KnowledgeArticle>> PublicForServiceAsync(string serviceId, CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken))
            .Where(a => a.IsPublic && a.ServiceIds.Contains(serviceId))
            .OrderByDescending(a => a.UsageCount)
            .ToList();

    public Task<KnowledgeArticle?> GetAsync(string id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

    public Task CountUseAsync(string id, CancellationToken cancellationToken) => store.CountUseAsync(id, cancellationToken);

    /// <summary>The most used articles and the searches that found nothing.</summary>
    public async Task<(IReadOnlyList<KnowledgeArticle> MostUsed, IReadOnlyList<KnowledgeGap> Gaps)> StatisticsAsync(CancellationToken cancellationToken) =>
        ((await store.ListAsync(cancellationToken)).OrderByDescending(a => a.UsageCount).Take(10).ToList(),
         (await store.ListGapsAsync(cancellationToken)).OrderByDescending(g => g.Count).Take(20).ToList());

    /// <summary>Creates (no ETag) or changes (the ETag read) an article.</summary>
    public async Task<KnowledgeSaveOutcome> SaveAsync(StaffUser user, string id, string? etag, KnowledgeEdit edit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var title = edit.Title?.Trim() ?? "";
        var body = CleanMarkdown(edit.Body ?? "");
        if (!ArticleId().IsMatch(id))
        {
            errors["id"] = [IdInvalid];
        }
        if (title.Length == 0 || title.Length > MaxTitleLength)
        {
            errors["title"] = [title.Length == 0 ? TitleMissing : TitleTooLong];
        }
        if (body.Length == 0 || body.Length > MaxBodyLength)
        {
            errors["body"] = [body.Length == 0 ? BodyMissing : BodyTooLong];
        }
        if (string.IsNullOrWhiteSpace(edit.Category) || edit.Category.Length > 100)
        {
            errors["category"] = [CategoryMissing];
        }
        if (errors.Count > 0)
        {
            return new KnowledgeSaveOutcome.Invalid(errors);
        }
        var existing = etag is null ? null : await store.GetAsync(id, cancellationToken);
        var article = new KnowledgeArticle(id, title, body, edit.Category!.Trim(), edit.IsPublic,
            Clean(edit.Keywords), Clean(edit.ServiceIds), existing?.UsageCount ?? 0, time.GetUtcNow(), user.Author);
        try
        {
            return new KnowledgeSaveOutcome.Saved(await store.SaveAsync(article, etag, cancellationToken), Created: etag is null);
        }
        catch (ConcurrencyConflictException)
        {
            return new KnowledgeSaveOutcome.Conflict();
        }
    }

    /// <summary>Markdown without HTML: tags and script links are removed, so an article can never carry markup.</summary>
    public static string CleanMarkdown(string markdown)
    {
        var text = HtmlTag().Replace(markdown.Replace("\r\n", "\n"), "");
        text = ScriptLink().Replace(text, "(#)");
        return text.Trim();
    }

    private static int Score(KnowledgeArticle article, IReadOnlyList<string> tokens)
    {
        var title = SwedishText.Tokens(article.Title, bigrams: false).ToHashSet();
        var keywords = article.Keywords.SelectMany(k => SwedishText.Tokens(k, bigrams: false)).ToHashSet();
        var body = SwedishText.Tokens(article.Body, bigrams: false).ToHashSet();
        return tokens.Sum(t => (title.Contains(t) ? 3 : 0) + (keywords.Contains(t) ? 2 : 0) + (body.Contains(t) ? 1 : 0));
    }

    private static IReadOnlyList<string> Clean(IReadOnlyList<string>? values) =>
        (values ?? []).Select(v => v.Trim()).Where(v => v.Length is > 0 and <= 100).Distinct().Take(30).ToList();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\((\s*)(javascript|data|vbscript):[^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptLink();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,63}\z")]
    private static partial Regex ArticleId();
}
