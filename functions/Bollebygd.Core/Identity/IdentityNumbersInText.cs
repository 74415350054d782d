using System.Text.RegularExpressions;

namespace Bollebygd.Core.Identity;

/// <summary>
/// Finds personnummer and samordningsnummer written anywhere in a free text (with or without century, with '-', '+',
/// a space or nothing before the last four) and masks their last four digits: for text that leaves the municipality,
/// such as a remiss. A number that fails the Luhn check is left alone; one that passes by chance is masked, which is
/// the safe mistake.
/// </summary>
public static partial class IdentityNumbersInText
{
    public static string Mask(string text) => Candidate().Replace(text, match =>
    {
        var date = match.Groups["date"].Value;
        var tail = match.Groups["tail"].Value;
        var shortDate = date.Length == 8 ? date[2..] : date;
        return Luhn.IsValid(shortDate + tail) && PlausibleDate(shortDate)
            ? date + (match.Groups["sep"].Value is { Length: > 0 } sep ? sep : "-") + "****"
            : match.Value;
    });

    /// <summary>YYMMDD with a month 01–12 and a day 01–31, or 61–91 (samordningsnummer).</summary>
    private static bool PlausibleDate(string yymmdd)
    {
        var month = int.Parse(yymmdd.AsSpan(2, 2));
        var day = int.Parse(yymmdd.AsSpan(4, 2));
        return month is >= 1 and <= 12 && (day is >= 1 and <= 31 || day is >= 61 and <= 91);
    }

    [GeneratedRegex(@"(?<![\d])(?<date>(?:19|20)?\d{6})(?<sep>[-+ ]?)(?<tail>\d{4})(?![\d])")]
    private static partial Regex Candidate();
}
