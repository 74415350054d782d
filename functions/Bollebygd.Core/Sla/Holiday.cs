namespace Bollebygd.Core.Sla;

/// <summary>A day off: a public holiday by law (allmän helgdag), or an afton the municipality keeps closed.</summary>
public sealed record Holiday(DateOnly Date, string Name, bool ByLaw);
