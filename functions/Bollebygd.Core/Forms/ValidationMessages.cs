using Bollebygd.Core.Catalog;

namespace Bollebygd.Core.Forms;

/// <summary>
/// What the citizen reads when a field is wrong: plain Swedish, saying what to do. web/js/validation.mjs holds the
/// same texts; web/tests/validation-cases.json keeps the two in step.
/// </summary>
public static class ValidationMessages
{
    public static string Required(FormField field) => field.Type switch
    {
        FieldType.Checkbox => "Du behöver kryssa i rutan för att gå vidare.",
        FieldType.Select or FieldType.Radio => "Välj ett av alternativen.",
        FieldType.Multiselect => "Välj minst ett alternativ.",
        FieldType.File => "Du behöver bifoga en fil.",
        _ => $"Fyll i {Lower(field.Label)}.",
    };

    public static string TooLong(int max) => $"Texten får vara högst {max} tecken.";

    public const string NotANumber = "Skriv ett tal med siffror.";

    public static string OutOfRange(decimal? min, decimal? max) => (min, max) switch
    {
        ({ } a, { } b) => $"Skriv ett tal från {a} till {b}.",
        ({ } a, null) => $"Skriv ett tal som är {a} eller större.",
        (null, { } b) => $"Skriv ett tal som är {b} eller mindre.",
        _ => NotANumber,
    };

    public const string NotADate = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-24.";
    public const string NotAnOption = "Välj ett av alternativen i listan.";
    public const string NotAnEmail = "Skriv en e-postadress som namn@exempel.se.";
    public const string NotAPhone = "Skriv ett telefonnummer med siffror, till exempel 070-123 45 67.";
    public const string PersonnummerFormat = "Skriv personnumret med 10 eller 12 siffror, till exempel 19811218-9876.";
    public const string PersonnummerDate = "Kontrollera personnumret. Det finns inget sådant födelsedatum.";
    public const string PersonnummerChecksum = "Kontrollera personnumret. Någon siffra verkar vara fel.";
    public const string OrgnummerFormat = "Skriv organisationsnumret med 10 siffror, till exempel 556036-0793.";
    public const string OrgnummerChecksum = "Kontrollera organisationsnumret. Någon siffra verkar vara fel.";
    public const string OrgnummerIsPersonnummer = "Det här ser ut som ett personnummer. Skriv organisationsnumret.";
    public const string StreetMissing = "Fyll i gatuadress.";
    public const string PostalCodeInvalid = "Skriv postnumret med fem siffror, till exempel 517 33.";
    public const string CityMissing = "Fyll i ort.";
    public const string NotAFastighetsbeteckning = "Skriv fastighetsbeteckningen som trakt och nummer, till exempel Bollebygd Hultet 1:12.";
    public const string NotAFile = "Filen kunde inte hittas. Ladda upp den igen.";
    public const string OneValueOnly = "Välj bara ett alternativ.";

    private static string Lower(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;
}
