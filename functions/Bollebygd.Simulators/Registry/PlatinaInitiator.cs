namespace Bollebygd.Simulators.Registry;

/// <summary>Who started a case (initiativtagare): a name, optionally an e-mail and an identity number.</summary>
public sealed record PlatinaInitiator(string Name, string? Email, string? IdentityNumber);
