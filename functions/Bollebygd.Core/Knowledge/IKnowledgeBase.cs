namespace Bollebygd.Core.Knowledge;

/// <summary>Port: the stored articles, their usage counts and the searches that found nothing.</summary>
public interface IKnowledgeBase
{
    Task<IReadOnlyList<KnowledgeArticle>> ListAsync(CancellationToken cancellationToken);

    Task<KnowledgeArticle?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the article: a new one when <paramref name="expectedETag"/> is null (a conflict if the id exists), else
    /// replaces the one with that ETag (a <see cref="Cases.ConcurrencyConflictException"/> when someone changed it).
    /// </summary>
    Task<KnowledgeArticle> SaveAsync(KnowledgeArticle article, string? expectedETag, CancellationToken cancellationToken);

    Task CountUseAsync(string id, CancellationToken cancellationToken);

    Task RecordGapAsync(string query, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<KnowledgeGap>> ListGapsAsync(CancellationToken cancellationToken);
}
