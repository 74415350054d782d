namespace Bollebygd.Simulators.Registry;

/// <summary>A document (handling) of a journalized case, with its files.</summary>
public sealed record PlatinaDeed(int Id, int CaseId, string Title, string Direction, DateOnly InOutDate, List<PlatinaFile> Files);
