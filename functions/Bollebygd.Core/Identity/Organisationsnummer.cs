using System.Globalization;

namespace Bollebygd.Core.Identity;

/// <summary>
/// A Swedish organisationsnummer, held as 12 digits with the "16" prefix Skatteverket uses (16NNNNNNNNNC).
/// The third digit (the "month") is at least 2, which tells it apart from a personnummer; the last digit is Luhn.
/// </summary>
public readonly record struct Organisationsnummer
{
    private Organisationsnummer(string twelveDigits) => Value = twelveDigits;

    public string Value { get; }

    public override string ToString() => Value[2..8] + "-" + Value[8..];

    public static IdentityParseResult<Organisationsnummer> Parse(string? input)
    {
        var (digits, separator) = IdentityNumberText.Normalize(input);
        if (digits is null || separator == '+')
        {
            return IdentityParseResult<Organisationsnummer>.Fail(IdentityParseError.Format);
        }
        if (digits.Length == 12)
        {
            if (!digits.StartsWith("16", StringComparison.Ordinal))
            {
                return IdentityParseResult<Organisationsnummer>.Fail(IdentityParseError.Format);
            }
            digits = digits[2..];
        }
        if (digits.Length != 10)
        {
            return IdentityParseResult<Organisationsnummer>.Fail(IdentityParseError.Format);
        }
        if (int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture) < 20)
        {
            return IdentityParseResult<Organisationsnummer>.Fail(IdentityParseError.NotAnOrganisation);
        }
        if (!Luhn.IsValid(digits))
        {
            return IdentityParseResult<Organisationsnummer>.Fail(IdentityParseError.Checksum);
        }
        return IdentityParseResult<Organisationsnummer>.Ok(new Organisationsnummer("16" + digits));
    }
}
