namespace Bollebygd.Core.Identity;

internal static class IdentityNumberText
{
    /// <summary>
    /// The digits of an identity number as typed, and its separator: spaces are dropped, one '-' or '+' is allowed
    /// before the last four digits. Null when anything else is in the text.
    /// </summary>
    public static (string? Digits, char? Separator) Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return (null, null);
        }
        var text = input.Replace(" ", "", StringComparison.Ordinal).Trim();
        char? separator = null;
        if (text.Length > 5 && text[^5] is '-' or '+')
        {
            separator = text[^5];
            text = text[..^5] + text[^4..];
        }
        return text.All(char.IsAsciiDigit) ? (text, separator) : (null, null);
    }
}
