namespace Bollebygd.Core.Sla;

/// <summary>
/// A case's SLA as last evaluated, kept beside the case for its card and in the queue index for the lists: the clocks
/// (where they stand is worked out when read), and when a delay notice to the citizen became due, if it did.
/// </summary>
public sealed record CaseSlaRecord(SlaTrackerState Tracker, DateTimeOffset EvaluatedAt, DateTimeOffset? DelayNoticeDueSince = null);
