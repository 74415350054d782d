using System.Text.Json.Serialization;

namespace Bollebygd.Core.Sla;

/// <summary>
/// A case's SLA as last evaluated, kept beside the case: the workflow's whole state (so a workflow started again —
/// after a failure, a reopening or a LocalHost restart — goes on from it instead of rebuilding the clocks), when it was
/// evaluated, and when a delay notice to the citizen became due, if it did. The card and lists read the clocks.
/// </summary>
public sealed record CaseSlaRecord(CaseSlaState State, DateTimeOffset EvaluatedAt, DateTimeOffset? DelayNoticeDueSince = null)
{
    [JsonIgnore]
    public SlaTrackerState Tracker => State.Tracker ?? throw new InvalidOperationException($"The SLA of case {State.CaseId} was never evaluated.");
}
