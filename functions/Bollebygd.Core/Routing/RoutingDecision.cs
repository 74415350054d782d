namespace Bollebygd.Core.Routing;

/// <summary>Where a case goes, how sure the router is, and why (shown to staff on the timeline).</summary>
public sealed record RoutingDecision(string GroupId, double Confidence, RoutingReason Reason);
