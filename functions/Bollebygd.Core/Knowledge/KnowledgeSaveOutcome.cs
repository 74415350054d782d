namespace Bollebygd.Core.Knowledge;

/// <summary>What became of saving an article.</summary>
public abstract record KnowledgeSaveOutcome
{
    public sealed record Saved(KnowledgeArticle Article, bool Created) : KnowledgeSaveOutcome;

    public sealed record Conflict : KnowledgeSaveOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, IReadOnlyList<string>> Errors) : KnowledgeSaveOutcome;
}
