namespace Bollebygd.Simulators.Utility;

/// <summary>A planned waste collection: the day and what is collected.</summary>
public sealed record EdpPickup(string SubscriptionId, DateOnly Date, string Fraction);
