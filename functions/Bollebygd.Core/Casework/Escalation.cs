namespace Bollebygd.Core.Casework;

/// <summary>
/// An escalation: the case goes to a specialist group (status Eskalerad), or — <see cref="CopyOnly"/> — the group is
/// told "för kännedom" and the case stays where it is. <see cref="Id"/> from the client makes a retry the same one.
/// </summary>
public sealed record Escalation(string Id, string Group, string? Note, bool CopyOnly);
