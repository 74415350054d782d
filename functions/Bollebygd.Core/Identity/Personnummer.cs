using System.Globalization;

namespace Bollebygd.Core.Identity;

/// <summary>
/// A Swedish personnummer or samordningsnummer (day + 60), always held as 12 digits (YYYYMMDDNNNC).
/// Parsing accepts 10 or 12 digits with an optional '-' or '+' before the last four; with 10 digits the century is
/// the latest one that puts the birth date in the past, or a century earlier with '+' (100 years or older).
/// </summary>
public readonly record struct Personnummer
{
    private Personnummer(string twelveDigits, DateOnly birthDate, bool isSamordningsnummer)
    {
        Value = twelveDigits;
        BirthDate = birthDate;
        IsSamordningsnummer = isSamordningsnummer;
    }

    /// <summary>The 12 digits, no separator: how it is stored.</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    public bool IsSamordningsnummer { get; }

    /// <summary>Safe for logs and lists: the birth date, the last four hidden.</summary>
    public string Masked => Value[..8] + "-****";

    public override string ToString() => Value[..8] + "-" + Value[8..];

    public static IdentityParseResult<Personnummer> Parse(string? input, DateOnly today)
    {
        var (digits, separator) = IdentityNumberText.Normalize(input);
        if (digits is null || (digits.Length != 10 && digits.Length != 12))
        {
            return IdentityParseResult<Personnummer>.Fail(IdentityParseError.Format);
        }
        if (digits.Length == 12 && separator == '+')
        {
            // '+' only makes sense with 10 digits, where it sets the century.
            return IdentityParseResult<Personnummer>.Fail(IdentityParseError.Format);
        }

        var ten = digits.Length == 12 ? digits[2..] : digits;
        if (!Luhn.IsValid(ten))
        {
            return IdentityParseResult<Personnummer>.Fail(IdentityParseError.Checksum);
        }

        var month = int.Parse(ten.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var dayField = int.Parse(ten.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var samordning = dayField > 60;
        var day = samordning ? dayField - 60 : dayField;

        int year;
        if (digits.Length == 12)
        {
            year = int.Parse(digits.AsSpan(0, 4), CultureInfo.InvariantCulture);
        }
        else
        {
            var yy = int.Parse(ten.AsSpan(0, 2), CultureInfo.InvariantCulture);
            year = today.Year - (today.Year - yy) % 100;
            if (!IsDate(year, month, day) || new DateOnly(year, month, day) > today)
            {
                year -= 100;
            }
            if (separator == '+')
            {
                year -= 100;
            }
        }

        if (!IsDate(year, month, day))
        {
            return IdentityParseResult<Personnummer>.Fail(IdentityParseError.Date);
        }
        var birthDate = new DateOnly(year, month, day);
        if (birthDate > today || year < 1800)
        {
            return IdentityParseResult<Personnummer>.Fail(IdentityParseError.Date);
        }

        var twelve = year.ToString("D4", CultureInfo.InvariantCulture) + ten[2..];
        return IdentityParseResult<Personnummer>.Ok(new Personnummer(twelve, birthDate, samordning));
    }

    private static bool IsDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
