namespace Bollebygd.Core.Cases;

/// <summary>The message on the case-changed queue.</summary>
public sealed record CaseChanged(string CaseId);
