namespace Bollebygd.Core.Routing;

/// <summary>A competence group: a shared queue of cases and the staff who work it.</summary>
public sealed record CompetenceGroup(string Id, string Name);
