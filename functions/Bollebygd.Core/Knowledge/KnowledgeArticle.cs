namespace Bollebygd.Core.Knowledge;

/// <summary>
/// An article of the knowledge base (kunskapsdatabas): a question and its answer in Markdown (no HTML), for staff
/// only or public on the citizen portal beside the <see cref="ServiceIds"/> it belongs to. <see cref="UsageCount"/>
/// counts the replies it went into: the most asked questions.
/// </summary>
public sealed record KnowledgeArticle(
    string Id,
    string Title,
    string Body,
    string Category,
    bool IsPublic,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> ServiceIds,
    int UsageCount,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    string? ETag = null);
