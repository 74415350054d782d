namespace Bollebygd.Simulators.Utility;

/// <summary>A meter reading in cubic metres, as read or as reported.</summary>
public sealed record EdpMeterReading(string MeterId, DateOnly ReadOn, double Value, string Source, string? Comment = null, string? Reference = null);
