using Bollebygd.Core.Identity;

namespace Bollebygd.Core.Tests.Identity;

public class PersonnummerTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData("811218-9876", "198112189876")]
    [InlineData("8112189876", "198112189876")]
    [InlineData("19811218-9876", "198112189876")]
    [InlineData("198112189876", "198112189876")]
    [InlineData(" 811218 - 9876 ", "198112189876")]
    [InlineData("19811218 9876", "198112189876")]
    public void Accepts_ten_or_twelve_digits_with_or_without_separator_and_stores_twelve(string input, string stored)
    {
        var result = Personnummer.Parse(input, Today);

        Assert.True(result.IsValid, result.Error.ToString());
        Assert.Equal(stored, result.Value.Value);
        Assert.Equal(new DateOnly(1981, 12, 18), result.Value.BirthDate);
        Assert.False(result.Value.IsSamordningsnummer);
        Assert.Equal("19811218-****", result.Value.Masked);
    }

    [Fact]
    public void A_plus_means_a_hundred_years_or_more()
    {
        var result = Personnummer.Parse("811218+9876", Today);

        Assert.True(result.IsValid);
        Assert.Equal("188112189876", result.Value.Value);
    }

    [Fact]
    public void Ten_digits_take_the_latest_century_that_puts_the_birth_in_the_past()
    {
        // 2020-12-31 is in the past: 20th century would be wrong.
        Assert.Equal("202012319873", Personnummer.Parse("201231-9873", Today).Value.Value);
        // 2026-12-31 would be in the future, so it is 1926.
        Assert.Equal("192612319877", Personnummer.Parse("261231-9877", Today).Value.Value);
        // Born today: still this century.
        Assert.Equal("202611279874", Personnummer.Parse("261127-9874", Today).Value.Value);
    }

    [Fact]
    public void A_samordningsnummer_has_the_day_plus_sixty()
    {
        var result = Personnummer.Parse("701063-2391", Today);

        Assert.True(result.IsValid, result.Error.ToString());
        Assert.True(result.Value.IsSamordningsnummer);
        Assert.Equal(new DateOnly(1970, 10, 3), result.Value.BirthDate);
        Assert.Equal("197010632391", result.Value.Value);
    }

    [Theory]
    [InlineData("811218-9875")]
    [InlineData("19811218-9870")]
    [InlineData("701063-2390")]
    public void A_wrong_check_digit_is_refused(string input)
    {
        Assert.Equal(IdentityParseError.Checksum, Personnummer.Parse(input, Today).Error);
    }

    [Theory]
    [InlineData("19000229-9874")] // 1900 was no leap year
    [InlineData("19810230-9871")] // 30 February
    [InlineData("19811318-9871")] // month 13
    [InlineData("19811200-9877")] // day 0
    [InlineData("19811292-9871")] // samordningsnummer day 32
    [InlineData("20271218-9873")] // born in the future
    public void A_date_that_does_not_exist_or_is_in_the_future_is_refused(string input)
    {
        var digits = input.Replace("-", "", StringComparison.Ordinal);
        var fixedInput = WithValidCheckDigit(digits);
        Assert.Equal(IdentityParseError.Date, Personnummer.Parse(fixedInput, Today).Error);
    }

    [Fact]
    public void Leap_day_in_a_leap_year_is_fine()
    {
        var input = WithValidCheckDigit("200002299870");
        var result = Personnummer.Parse(input, Today);
        Assert.True(result.IsValid, result.Error.ToString());
        Assert.Equal(new DateOnly(2000, 2, 29), result.Value.BirthDate);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("81121898")]
    [InlineData("8112189876123")]
    [InlineData("811218-98A6")]
    [InlineData("19811218+9876")]
    [InlineData("811218--9876")]
    public void Anything_but_ten_or_twelve_digits_is_a_format_error(string? input)
    {
        Assert.Equal(IdentityParseError.Format, Personnummer.Parse(input, Today).Error);
    }

    /// <summary>Replaces the last digit with the Luhn check digit of the 10-digit part.</summary>
    internal static string WithValidCheckDigit(string twelveDigits)
    {
        var ten = twelveDigits[2..11];
        for (var d = 0; d <= 9; d++)
        {
            if (Luhn.IsValid(ten + d))
            {
                return twelveDigits[..11] + d;
            }
        }
        throw new InvalidOperationException();
    }
}
