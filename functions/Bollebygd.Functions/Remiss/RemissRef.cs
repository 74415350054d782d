namespace Bollebygd.Functions.Remiss;

/// <summary>Which remiss a workflow follows.</summary>
public sealed record RemissRef(string CaseId, string RemissId);
