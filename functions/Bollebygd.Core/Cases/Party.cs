namespace Bollebygd.Core.Cases;

/// <summary>
/// A person or organisation in a case. <see cref="IdentityNumber"/> is a personnummer or organisationsnummer as 12
/// digits; it is never logged or shown in lists in clear.
/// </summary>
public sealed record Party(string Role, string Name, string? Email, string? Phone, string? IdentityNumber)
{
    public const string Applicant = "sökande";
}
