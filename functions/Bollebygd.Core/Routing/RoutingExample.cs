namespace Bollebygd.Core.Routing;

/// <summary>A message whose competence group is known, to train the router on.</summary>
public sealed record RoutingExample(string Text, string GroupId);
