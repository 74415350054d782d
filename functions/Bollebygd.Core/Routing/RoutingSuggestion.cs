namespace Bollebygd.Core.Routing;

/// <summary>The router's guess at a message's competence group, with its confidence in [0, 1].</summary>
public sealed record RoutingSuggestion(string GroupId, double Confidence);
