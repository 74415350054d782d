using System.Globalization;
using System.Text.RegularExpressions;

namespace Bollebygd.Core.Cases;

/// <summary>The human reference of a case, <c>KC-2026-000042</c>: the year and a per-year serial without gaps.</summary>
public readonly partial record struct CaseReference(int Year, int Serial)
{
    public const int MaxSerial = 999_999;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"KC-{Year:D4}-{Serial:D6}");

    public static bool TryParse(string? text, out CaseReference reference)
    {
        reference = default;
        var match = text is null ? null : Pattern().Match(text.Trim().ToUpperInvariant());
        if (match is not { Success: true })
        {
            return false;
        }
        if (!int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var serial))
        {
            return false;
        }
        reference = new CaseReference(year, serial);
        return reference.Serial > 0;
    }

    [GeneratedRegex(@"^KC-([0-9]{4})-([0-9]{6})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
