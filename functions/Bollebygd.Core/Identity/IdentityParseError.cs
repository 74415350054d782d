namespace Bollebygd.Core.Identity;

public enum IdentityParseError
{
    None,
    /// <summary>Not 10 or 12 digits (with an optional separator).</summary>
    Format,
    /// <summary>No such date, or a date in the future.</summary>
    Date,
    /// <summary>The Luhn check digit does not match.</summary>
    Checksum,
    /// <summary>An organisationsnummer whose third digit is below 2 (it reads as a personnummer).</summary>
    NotAnOrganisation,
}
