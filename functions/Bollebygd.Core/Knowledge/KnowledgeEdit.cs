namespace Bollebygd.Core.Knowledge;

/// <summary>What a lead or admin writes when they create or change an article.</summary>
public sealed record KnowledgeEdit(
    string? Title,
    string? Body,
    string? Category,
    bool IsPublic,
    IReadOnlyList<string>? Keywords,
    IReadOnlyList<string>? ServiceIds);
