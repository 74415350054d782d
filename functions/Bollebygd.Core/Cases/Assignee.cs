namespace Bollebygd.Core.Cases;

/// <summary>The member of staff a case is assigned to: the stable user id and the name to show.</summary>
public sealed record Assignee(string Id, string Name);
