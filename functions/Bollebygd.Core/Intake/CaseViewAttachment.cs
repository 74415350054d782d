namespace Bollebygd.Core.Intake;

public sealed record CaseViewAttachment(string Id, string Name, long Size);
