namespace Bollebygd.Core.Registry;

/// <summary>Who started the case, as the diary records it.</summary>
public sealed record RegistryInitiator(string Name, string? Email);
