namespace Bollebygd.Core.Routing;

/// <summary>Cases of an e-service in this catalogue category go to the group (before the service's own group).</summary>
public sealed record CategoryRule(string Category, string Group);
