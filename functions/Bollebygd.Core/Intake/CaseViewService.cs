namespace Bollebygd.Core.Intake;

public sealed record CaseViewService(string? Id, string Title);
