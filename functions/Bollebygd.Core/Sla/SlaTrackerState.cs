using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Sla;

/// <summary>
/// An <see cref="SlaTracker"/> as stored — in the CaseSla orchestration's state, beside the case, and in the queue
/// index — naming its policy rather than holding it.
/// </summary>
public sealed record SlaTrackerState(string PolicyId, CasePriority Priority, CaseStatus Status, SlaClock Response, SlaClock Resolution);
