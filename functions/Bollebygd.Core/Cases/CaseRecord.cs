namespace Bollebygd.Core.Cases;

/// <summary>A case as read: the case and its timeline in time order.</summary>
public sealed record CaseRecord(Case Case, IReadOnlyList<TimelineEntry> Timeline);
