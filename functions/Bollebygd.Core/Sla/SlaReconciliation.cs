namespace Bollebygd.Core.Sla;

/// <summary>
/// What a reconciliation run found: open cases, those whose SLA workflow was missing, workflows of closed or vanished
/// cases, waiting remisser whose workflow was missing, and cases whose stalled outbox request was queued again.
/// </summary>
public sealed record SlaReconciliation(int OpenCases, IReadOnlyList<string> Started, IReadOnlyList<string> Ended,
    IReadOnlyList<string>? RemisserStarted = null, IReadOnlyList<string>? OutboxesRequeued = null);
