namespace Bollebygd.Core.Utility;

/// <summary>A subscription: <c>va</c> (water and sewage, with its meter) or <c>avfall</c> (waste collection).</summary>
public sealed record UtilitySubscription(string Id, string Kind, string Description, string Property, DateOnly Since, string? MeterId);
