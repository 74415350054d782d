namespace Bollebygd.Simulators.Utility;

/// <summary>A subscription: water and sewage, or waste collection (with its bin and interval), at a property.</summary>
public sealed record EdpSubscription(string Id, string CustomerNumber, string Kind, string Description, string Property, DateOnly Since,
    string? MeterId = null, double? YearlyConsumption = null);
