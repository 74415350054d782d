namespace Bollebygd.Simulators.Registry;

/// <summary>An item of Platina's reference data: a diary, a case type, a status.</summary>
public sealed record PlatinaReference(int Id, string Code, string Name);
