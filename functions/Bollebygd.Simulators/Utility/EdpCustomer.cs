namespace Bollebygd.Simulators.Utility;

/// <summary>A customer of the water and waste utility, by customer number (kundnummer) and identity number.</summary>
public sealed record EdpCustomer(string CustomerNumber, string IdentityNumber, string Name, string Address, string? Email);
