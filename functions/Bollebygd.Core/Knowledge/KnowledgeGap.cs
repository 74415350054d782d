namespace Bollebygd.Core.Knowledge;

/// <summary>A search staff made that found nothing, and how often: what the knowledge base lacks.</summary>
public sealed record KnowledgeGap(string Query, int Count, DateTimeOffset LastAsked);
