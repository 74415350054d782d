namespace Bollebygd.Core.Utility;

public sealed record UtilityPickup(string SubscriptionId, DateOnly Date, string Fraction);
