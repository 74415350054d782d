using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Sla;

/// <summary>
/// Förvaltningslagen (2017:900) 11 §: when a case a citizen started will be much delayed, the authority tells them, and
/// why. The card offers this draft; the officer writes the reason and a date before sending it.
/// </summary>
public static class DelayNotice
{
    public const string ReasonPlaceholder = "[skriv anledningen]";
    public const string DatePlaceholder = "[datum]";

    public static string Suggest(Case @case) =>
        $"""
        Hej!

        Ditt ärende {@case.Reference} tar längre tid än vi räknat med. Det beror på att {ReasonPlaceholder}. Vi räknar med att kunna ge dig besked senast {DatePlaceholder}.

        Har du frågor kan du svara på det här meddelandet.

        Vänliga hälsningar
        Bollebygds kommun
        """;
}
