namespace Bollebygd.Core.Sla;

/// <summary>What a reconciliation run found: open cases, those whose SLA workflow was missing, and workflows of closed or vanished cases.</summary>
public sealed record SlaReconciliation(int OpenCases, IReadOnlyList<string> Started, IReadOnlyList<string> Ended);
