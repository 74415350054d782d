namespace Bollebygd.Core.Tests.Routing;

/// <summary>One labelled message of tests/data/routing-messages.json; <see cref="Set"/> is "train" or "test".</summary>
public sealed record RoutingMessage(string Text, string Group, string Set);
