namespace Bollebygd.Core.Utility;

/// <summary>
/// What the citizen is told when EDP Future refuses their request, field by field in our words (EDP's own wording is
/// for staff, on the timeline). When everything EDP objects to is something only the citizen can put right — a mistyped
/// meter number, a reading that does not fit, an unusual reading without a comment, an end date before the start —
/// they are asked to answer with it and the case waits for them; anything else (including a start date, which we
/// always send) is a person's to sort out, and the citizen is told so.
/// </summary>
public sealed record UtilityRefusal(string ToCitizen, bool CitizenCanFix)
{
    /// <summary>EDP's field names (see docs/simulators/edp-future.openapi.yaml) and what they mean to the citizen.</summary>
    private static readonly Dictionary<string, string> CitizenFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["comment"] = "Mätarställningen du lämnade avviker mycket från din vanliga förbrukning. Berätta varför (till exempel en läcka eller fler i hushållet).",
        ["meterId"] = "Mätarnumret du skrev finns inte hos oss. Skriv numret som står på mätaren.",
        ["value"] = "Mätarställningen stämmer inte med våra uppgifter (den kan till exempel vara lägre än förra avläsningen). Kontrollera siffrorna på mätaren och skriv dem igen.",
        ["to"] = "Slutdatumet är före startdatumet. Skriv rätt datum.",
    };

    public const string ForStaff = "Vi kunde inte registrera det du skickade automatiskt. En handläggare tittar på ärendet och hör av sig till dig.";

    public static UtilityRefusal Of(IReadOnlyDictionary<string, string[]> errors)
    {
        var known = errors.Keys.Where(CitizenFields.ContainsKey).ToList();
        if (known.Count == 0 || known.Count < errors.Count)
        {
            return new UtilityRefusal(ForStaff, false);
        }
        var lines = known.Select(field => CitizenFields[field]);
        return new UtilityRefusal(
            (known.Count == 1 ? lines.Single() : "Vi kunde inte registrera det du skickade:\n" + string.Join("\n", lines.Select(l => "– " + l)))
            + "\n\nSvara på det här meddelandet, så registrerar vi det.", true);
    }
}
