namespace Bollebygd.Core.Sms;

/// <summary>Swedish mobile numbers as the gateway wants them: <c>+467XXXXXXXX</c>.</summary>
public static class MobileNumber
{
    /// <summary>"070-123 45 67", "+46 70 123 45 67", "0046701234567" → "+46701234567"; null for anything else.</summary>
    public static string? Normalise(string? phone)
    {
        if (phone is null)
        {
            return null;
        }
        var digits = new string(phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        if (digits.StartsWith("0046", StringComparison.Ordinal))
        {
            digits = "+46" + digits[4..];
        }
        else if (digits.StartsWith('0'))
        {
            digits = "+46" + digits[1..];
        }
        return digits.Length == 12 && digits.StartsWith("+467", StringComparison.Ordinal) && digits[1..].All(char.IsAsciiDigit) ? digits : null;
    }
}
