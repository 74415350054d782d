using System.Globalization;
using System.Text;

namespace Bollebygd.Core.Routing;

/// <summary>
/// Turns Swedish free text into the tokens the router counts: lower-cased words without punctuation or digits,
/// stop words dropped, inflections cut off by a light suffix stemmer, and optionally word bigrams ("trasig_gatlamp")
/// and character n-grams of the stems ("#&lt;sopk").
/// </summary>
/// <remarks>
/// The stemmer only has to map the forms of one word to the same token; it does not have to produce real words.
/// It is deliberately lighter than Snowball: citizens' messages are short and often misspelt, and a stemmer that cuts
/// hard merges unrelated words. Compounds are left to the character n-grams.
/// </remarks>
public static class SwedishText
{
    /// <summary>Shortest stem a suffix may leave; shorter words are kept as they are.</summary>
    public const int MinimumStemLength = 3;

    /// <summary>Joins the two stems of a bigram token.</summary>
    public const char BigramSeparator = '_';

    /// <summary>Starts a character n-gram token, so that it never equals a word.</summary>
    public const char CharacterGramMark = '#';

    // Longest first: the first suffix that leaves a long enough stem is the one removed.
    private static readonly string[] Suffixes =
    [
        "heterna", "hetens", "arnas", "ernas", "ornas", "andes", "endes",
        "arna", "erna", "orna", "heten", "andet", "ande", "ende", "aste", "arne",
        "het", "ens", "ets", "ade", "are", "ast", "ars", "ers", "ors",
        "an", "en", "et", "ar", "er", "or", "na", "at", "ad",
        "a", "e",
    ];

    // A genitive or passive -s is only cut after these letters, so that "buss", "glas" and "hus" keep their s.
    private const string SEndings = "bcdfghjklmnoprtvy";

    // "va" is missing on purpose: besides a spoken "vad" it is VA, vatten och avlopp.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // Function words (after the Snowball list for Swedish).
        "och", "det", "att", "i", "en", "jag", "hon", "som", "han", "på", "den", "med", "var", "sig", "för", "så",
        "till", "är", "men", "ett", "om", "hade", "de", "av", "icke", "mig", "du", "henne", "då", "sin", "nu", "har",
        "inte", "hans", "honom", "skulle", "hennes", "där", "min", "man", "ej", "vid", "kunde", "något", "från", "ut",
        "när", "efter", "upp", "vi", "dem", "vara", "vad", "över", "än", "dig", "kan", "sina", "här", "ha", "mot",
        "alla", "under", "någon", "eller", "allt", "mycket", "sedan", "ju", "denna", "själv", "detta", "åt", "utan",
        "varit", "hur", "ingen", "mitt", "ni", "bli", "blev", "oss", "din", "dessa", "några", "deras", "blir", "mina",
        "samma", "vilken", "er", "sådan", "vår", "blivit", "dess", "inom", "mellan", "sådant", "varför", "varje",
        "vilka", "ditt", "vem", "vilket", "sitt", "sådana", "vart", "dina", "vars", "vårt", "våra", "ert", "era",
        "vilkas", "också", "även", "bara", "nog", "ska", "skall", "vill", "får", "fått", "få", "finns", "fanns",
        "kommer", "gör", "göra", "gjort", "gjorde", "går", "igen", "redan", "lite", "väl", "just", "hos",
        "mer", "mest", "hela", "sen", "ens", "typ", "liksom", "dvs", "osv", "bl", "ex", "t", "a", "o", "s",
        "borde", "måste", "kanske", "verkar", "ser", "sett", "annan", "annat", "andra", "nåt", "nån", "nåra",
        "dom", "mej", "dej", "sej", "e", "ngn", "ngt",
        // Greetings and courtesies that every message has, whatever it is about.
        "hej", "hejsan", "hallå", "tjena", "tja", "tack", "tacksam", "mvh", "vänliga", "vänlig", "hälsningar",
        "hälsning", "hälsar", "önskar", "snälla", "ursäkta",
    };

    /// <summary>Lower-cases the text and replaces everything that is not a letter by a space.</summary>
    /// <remarks>Accents other than å, ä and ö are removed (café, über); å, ä and ö are letters of their own in Swedish.</remarks>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var folded = Fold(char.ToLowerInvariant(c));
            if (folded is { } letter)
            {
                builder.Append(letter);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }
        return builder.ToString().TrimEnd();
    }

    /// <summary>The normalised words of the text, stop words removed, not stemmed.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !IsStopWord(w)).ToList();

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>Cuts one common inflectional suffix off a normalised word and undoubles a final consonant.</summary>
    public static string Stem(string word)
    {
        var stem = word;
        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= MinimumStemLength && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                stem = word[..^suffix.Length];
                break;
            }
        }
        if (stem == word && word.Length > MinimumStemLength && word[^1] == 's' && SEndings.Contains(word[^2]))
        {
            stem = word[..^1];
        }
        // "vatten"/"vattnet" and "buss"/"bussen" should meet whatever the suffix was.
        if (stem.Length > MinimumStemLength && stem[^1] == stem[^2] && !IsVowel(stem[^1]))
        {
            stem = stem[..^1];
        }
        return stem;
    }

    /// <summary>
    /// The stems of the text's words; when asked for, the bigrams of neighbouring stems; and when
    /// <paramref name="characterGramLength"/> is above zero, the character n-grams of each stem.
    /// </summary>
    public static IReadOnlyList<string> Tokens(string? text, bool bigrams = true, int characterGramLength = 0)
    {
        var stems = Words(text).Select(Stem).ToList();
        var tokens = new List<string>(stems);
        if (bigrams)
        {
            for (var i = 1; i < stems.Count; i++)
            {
                tokens.Add(stems[i - 1] + BigramSeparator + stems[i]);
            }
        }
        if (characterGramLength > 0)
        {
            tokens.AddRange(stems.SelectMany(s => CharacterGrams(s, characterGramLength)));
        }
        return tokens;
    }

    /// <summary>
    /// The character n-grams of a stem marked at both ends, "sopkärl" giving "#&lt;sopk", "#sopkä", … "#kärl&gt;".
    /// </summary>
    /// <remarks>
    /// Swedish writes compounds as one word, so "vattenmätaren" and "vattnet", or "gatlampan" and "lampan", share no
    /// stem; their n-grams ("#&lt;vatt", "#lamp&gt;") let them still count for each other. A stem shorter than the
    /// n-gram gives itself, marked, as its only n-gram.
    /// </remarks>
    public static IEnumerable<string> CharacterGrams(string stem, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var marked = "<" + stem + ">";
        if (marked.Length <= length)
        {
            yield return CharacterGramMark + marked;
            yield break;
        }
        for (var i = 0; i + length <= marked.Length; i++)
        {
            yield return CharacterGramMark + marked.Substring(i, length);
        }
    }

    private static char? Fold(char c)
    {
        if (c is 'å' or 'ä' or 'ö')
        {
            return c;
        }
        if (c is >= 'a' and <= 'z')
        {
            return c;
        }
        if (!char.IsLetter(c))
        {
            return null;
        }
        // é -> e, ü -> u, æ stays æ: take the base letter when the character decomposes into one.
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var baseLetter = decomposed.FirstOrDefault(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark);
        return char.IsLetter(baseLetter) ? baseLetter : c;
    }

    private static bool IsVowel(char c) => "aeiouyåäö".Contains(c);
}
