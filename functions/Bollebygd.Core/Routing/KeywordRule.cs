namespace Bollebygd.Core.Routing;

/// <summary>Any of these words (compared as Swedish stems) in a general case's text places it in the group.</summary>
public sealed record KeywordRule(IReadOnlyList<string> Keywords, string Group);
