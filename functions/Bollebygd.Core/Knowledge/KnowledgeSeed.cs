namespace Bollebygd.Core.Knowledge;

/// <summary>The articles a new knowledge base starts with (from the pre-study's most asked questions).</summary>
public sealed record KnowledgeSeed(IReadOnlyList<KnowledgeArticle> Articles);
