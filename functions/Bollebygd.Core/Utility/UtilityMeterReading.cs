namespace Bollebygd.Core.Utility;

/// <summary>A meter reading (m³): the consumption history, as read by the utility or reported by the customer.</summary>
public sealed record UtilityMeterReading(string MeterId, DateOnly ReadOn, double Value, string Source, string? Comment);
