namespace Bollebygd.Core.Routing;

/// <summary>The labelled messages a new installation's classifier is first trained on.</summary>
public sealed record RoutingSeed(IReadOnlyList<RoutingExample> Examples);
