using Bollebygd.Core.Identity;

namespace Bollebygd.Core.Tests.Identity;

public class OrganisationsnummerTests
{
    [Theory]
    [InlineData("556036-0793")]
    [InlineData("5560360793")]
    [InlineData("16556036-0793")]
    [InlineData("165560360793")]
    [InlineData("212000-1520")] // a municipality's number (kommuner start with 21)
    public void Valid_numbers_are_stored_with_the_16_prefix(string input)
    {
        var result = Organisationsnummer.Parse(input);

        Assert.True(result.IsValid, result.Error.ToString());
        Assert.Equal(12, result.Value.Value.Length);
        Assert.StartsWith("16", result.Value.Value);
    }

    [Fact]
    public void A_wrong_check_digit_is_refused()
    {
        Assert.Equal(IdentityParseError.Checksum, Organisationsnummer.Parse("556036-0794").Error);
    }

    [Fact]
    public void A_personnummer_is_not_an_organisationsnummer()
    {
        Assert.Equal(IdentityParseError.NotAnOrganisation, Organisationsnummer.Parse("811218-9876").Error);
    }

    [Theory]
    [InlineData("195560360793")]
    [InlineData("556036+0793")]
    [InlineData("55603607")]
    [InlineData("")]
    public void Other_shapes_are_format_errors(string input)
    {
        Assert.Equal(IdentityParseError.Format, Organisationsnummer.Parse(input).Error);
    }
}
