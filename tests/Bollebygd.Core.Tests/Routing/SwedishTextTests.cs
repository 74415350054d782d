using Bollebygd.Core.Routing;

namespace Bollebygd.Core.Tests.Routing;

public class SwedishTextTests
{
    [Theory]
    [InlineData("Hej! Vattnet på Storgatan 12 är BRUNT.", "hej vattnet på storgatan är brunt")]
    [InlineData("ÅTERVINNINGEN i Töllsjö, (igen)...", "återvinningen i töllsjö igen")]
    [InlineData("Café Über-kul", "cafe uber kul")]
    [InlineData("  \t\n ", "")]
    [InlineData(null, "")]
    public void Normalising_lower_cases_keeps_swedish_letters_and_drops_the_rest(string? text, string normalised)
    {
        Assert.Equal(normalised, SwedishText.Normalise(text));
    }

    [Fact]
    public void Words_leave_out_stop_words_and_greetings()
    {
        Assert.Equal(
            ["undrar", "soptunnan", "töms", "olsfors"],
            SwedishText.Words("Hej! Jag undrar när soptunnan töms i Olsfors? Tack och mvh!"));
    }

    [Fact]
    public void Va_is_kept_because_it_is_vatten_och_avlopp()
    {
        Assert.Equal(["va", "taxan", "höjts"], SwedishText.Words("Har VA-taxan höjts?"));
    }

    [Theory]
    [InlineData("gata", "gat")]
    [InlineData("gatan", "gat")]
    [InlineData("gator", "gat")]
    [InlineData("gatorna", "gat")]
    [InlineData("skola", "skol")]
    [InlineData("skolan", "skol")]
    [InlineData("skolor", "skol")]
    [InlineData("sophämtningen", "sophämtning")]
    [InlineData("sophämtning", "sophämtning")]
    [InlineData("kommuns", "kommun")]
    [InlineData("kommunen", "kommun")]
    [InlineData("bygglovet", "bygglov")]
    [InlineData("bygglovs", "bygglov")]
    [InlineData("buss", "bus")]
    [InlineData("bussen", "bus")]
    [InlineData("hus", "hus")]
    [InlineData("väg", "väg")]
    [InlineData("vägarna", "väg")]
    [InlineData("fakturorna", "faktur")]
    [InlineData("fakturor", "faktur")]
    public void Stemming_brings_inflected_forms_together(string word, string stem)
    {
        Assert.Equal(stem, SwedishText.Stem(word));
    }

    [Fact]
    public void Stemming_never_leaves_a_stem_shorter_than_the_minimum()
    {
        foreach (var word in new[] { "åar", "ben", "ena", "ort", "öar", "sten", "lera" })
        {
            Assert.True(SwedishText.Stem(word).Length >= Math.Min(word.Length, SwedishText.MinimumStemLength), word);
        }
    }

    [Fact]
    public void Tokens_are_stems_and_the_bigrams_of_neighbouring_stems()
    {
        Assert.Equal(["trasig", "gatlamp", "trasig_gatlamp"], SwedishText.Tokens("Trasiga gatlampan"));
        Assert.Equal(["trasig", "gatlamp"], SwedishText.Tokens("Trasiga gatlampan", bigrams: false));
    }

    [Fact]
    public void Character_grams_are_marked_at_both_ends_of_the_stem()
    {
        Assert.Equal(["#<sopk", "#sopkä", "#opkär", "#pkärl", "#kärl>"], SwedishText.CharacterGrams("sopkärl", 5));
        Assert.Equal(["#<väg>"], SwedishText.CharacterGrams("väg", 5));
        Assert.Equal(["#<ab>"], SwedishText.CharacterGrams("ab", 5));
    }

    [Fact]
    public void Compounds_share_character_grams_where_they_share_no_stem()
    {
        var meter = SwedishText.Tokens("vattenmätaren", bigrams: false, characterGramLength: 5);
        var water = SwedishText.Tokens("vattnet", bigrams: false, characterGramLength: 5);

        Assert.Equal(["vattenmätar"], meter.Where(t => !t.StartsWith(SwedishText.CharacterGramMark)));
        Assert.Equal(["vattn"], water.Where(t => !t.StartsWith(SwedishText.CharacterGramMark)));
        Assert.Contains("#<vatt", meter.Intersect(water));
    }

    [Fact]
    public void Text_without_words_has_no_tokens()
    {
        Assert.Empty(SwedishText.Tokens("123 456 !!! och i på"));
        Assert.Empty(SwedishText.Tokens(null, characterGramLength: 5));
    }
}
