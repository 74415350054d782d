namespace Bollebygd.Core.Routing;

/// <summary>What is known of a new case when it is routed: where it came from and what it says.</summary>
public sealed record RoutingInput(string? ServiceId, string? Mailbox, string DefaultGroup, string Text, IReadOnlyList<string>? Categories = null);
