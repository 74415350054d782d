using Bollebygd.Core.Identity;

namespace Bollebygd.Core.Tests.Identity;

public class IdentityNumbersInTextTests
{
    [Theory]
    [InlineData("Sökande 19811218-9876 bor här.", "Sökande 19811218-**** bor här.")]
    [InlineData("pnr 811218-9876", "pnr 811218-****")]
    [InlineData("198112189876", "19811218-****")]
    [InlineData("811218 9876 och 811218+9876", "811218 **** och 811218+****")]
    [InlineData("samordningsnummer 701063-2391", "samordningsnummer 701063-****")]
    public void Personal_identity_numbers_in_a_text_lose_their_last_four_digits(string text, string masked) =>
        Assert.Equal(masked, IdentityNumbersInText.Mask(text));

    [Theory]
    [InlineData("Ring 0701234567 eller 033-43 00 00.")]
    [InlineData("Fakturanummer 811218-9875 (fel kontrollsiffra).")]
    [InlineData("Fastighet Bollebygd Hulta 1:23, 12 345 kr.")]
    public void Other_numbers_are_left_alone(string text) => Assert.Equal(text, IdentityNumbersInText.Mask(text));
}
