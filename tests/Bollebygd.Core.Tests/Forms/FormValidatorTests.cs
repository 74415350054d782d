using Bollebygd.Core.Catalog;
using Bollebygd.Core.Forms;

namespace Bollebygd.Core.Tests.Forms;

public class FormValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static FormValidationResult Validate(string fieldsJson, params (string Key, string[] Values)[] input) =>
        FormValidator.Validate(TestForms.Service(fieldsJson), Input(input), Today);

    private static FormInput Input(params (string Key, string[] Values)[] input) =>
        FormInput.FromPairs(new[] { ("namn", new[] { "Anna" }), ("epost", new[] { "anna@example.se" }) }.Concat(input)
            .Select(p => KeyValuePair.Create(p.Item1, (IEnumerable<string?>)p.Item2)));

    [Fact]
    public void Required_fields_say_what_to_fill_in_field_by_field()
    {
        var result = FormValidator.Validate(TestForms.Service(""), FormInput.FromPairs([]), Today);

        Assert.Equal(["Fyll i ditt namn."], result.Errors["namn"]);
        Assert.Equal(["Fyll i e-postadress."], result.Errors["epost"]);
    }

    [Fact]
    public void A_wrong_personnummer_names_the_field_and_a_right_one_is_stored_as_twelve_digits()
    {
        const string field = """{ "name": "pnr", "type": "personnummer", "label": "Personnummer", "required": true }""";

        Assert.Equal([ValidationMessages.PersonnummerChecksum], Validate(field, ("pnr", ["811218-9875"])).Errors["pnr"]);
        Assert.Equal([ValidationMessages.PersonnummerDate], Validate(field, ("pnr", ["810230-9872"])).Errors["pnr"]);
        Assert.Equal([ValidationMessages.PersonnummerFormat], Validate(field, ("pnr", ["1234"])).Errors["pnr"]);
        Assert.Equal("198112189876", Validate(field, ("pnr", ["811218-9876"])).Values["pnr"]);
    }

    [Fact]
    public void A_hidden_conditional_field_is_neither_required_nor_stored()
    {
        const string fields = """
            { "name": "orsak", "type": "radio", "label": "Orsak", "required": true,
              "options": [ { "value": "tomt", "label": "Tomt hus" }, { "value": "annat", "label": "Annat" } ] },
            { "name": "annanOrsak", "type": "textarea", "label": "Beskriv skälet", "required": true,
              "visibleWhen": { "field": "orsak", "equals": "annat" } }
            """;

        var hidden = Validate(fields, ("orsak", ["tomt"]), ("annanOrsak", ["ignored"]));
        Assert.True(hidden.IsValid);
        Assert.False(hidden.Values.ContainsKey("annanOrsak"));

        var shown = Validate(fields, ("orsak", ["annat"]));
        Assert.Equal(["Fyll i beskriv skälet."], shown.Errors["annanOrsak"]);
    }

    [Fact]
    public void A_field_depending_on_a_hidden_field_is_hidden_too()
    {
        const string fields = """
            { "name": "a", "type": "checkbox", "label": "A" },
            { "name": "b", "type": "radio", "label": "B", "options": [ { "value": "x", "label": "X" } ], "visibleWhen": { "field": "a", "equals": true } },
            { "name": "c", "type": "text", "label": "C", "required": true, "visibleWhen": { "field": "b", "equals": "x" } }
            """;

        Assert.True(Validate(fields, ("b", ["x"])).IsValid);
        Assert.False(Validate(fields, ("a", ["true"]), ("b", ["x"])).IsValid);
    }

    [Fact]
    public void Options_lengths_numbers_and_dates_are_checked()
    {
        const string fields = """
            { "name": "typ", "type": "select", "label": "Typ", "options": [ { "value": "villa", "label": "Villa" } ] },
            { "name": "flera", "type": "multiselect", "label": "Flera", "required": true, "options": [ { "value": "a", "label": "A" }, { "value": "b", "label": "B" } ] },
            { "name": "kort", "type": "text", "label": "Kort", "maxLength": 5 },
            { "name": "antal", "type": "number", "label": "Antal", "min": 1, "max": 10 },
            { "name": "datum", "type": "date", "label": "Datum" }
            """;

        var bad = Validate(fields, ("typ", ["slott"]), ("kort", ["sexton"]), ("antal", ["11"]), ("datum", ["2026-02-30"]));
        Assert.Equal([ValidationMessages.NotAnOption], bad.Errors["typ"]);
        Assert.Equal(["Välj minst ett alternativ."], bad.Errors["flera"]);
        Assert.Equal([ValidationMessages.TooLong(5)], bad.Errors["kort"]);
        Assert.Equal(["Skriv ett tal från 1 till 10."], bad.Errors["antal"]);
        Assert.Equal([ValidationMessages.NotADate], bad.Errors["datum"]);

        var good = Validate(fields, ("flera", ["a", "b"]), ("antal", ["2,5"]), ("datum", ["2026-12-24"]));
        Assert.True(good.IsValid);
        Assert.Equal(new[] { "a", "b" }, good.Values["flera"]);
        Assert.Equal(2.5m, good.Values["antal"]);
        Assert.Equal("2026-12-24", good.Values["datum"]);
    }

    [Fact]
    public void Address_email_phone_and_fastighetsbeteckning_are_checked()
    {
        const string fields = """
            { "name": "adress", "type": "address", "label": "Adress", "required": true },
            { "name": "tel", "type": "phone", "label": "Telefon" },
            { "name": "fastighet", "type": "fastighetsbeteckning", "label": "Fastighet", "required": true }
            """;

        var bad = Validate(fields, ("adress.street", ["Storgatan 1"]), ("adress.postalCode", ["5173"]), ("tel", ["ring mig"]), ("fastighet", ["Hultet"]));
        Assert.Equal([ValidationMessages.PostalCodeInvalid], bad.Errors["adress"]);
        Assert.Equal([ValidationMessages.NotAPhone], bad.Errors["tel"]);
        Assert.Equal([ValidationMessages.NotAFastighetsbeteckning], bad.Errors["fastighet"]);

        var good = Validate(fields, ("adress.street", ["Storgatan 1"]), ("adress.postalCode", ["517 33"]), ("adress.city", ["Bollebygd"]),
            ("tel", ["070-123 45 67"]), ("fastighet", ["Bollebygd  Hultet 1:12"]));
        Assert.True(good.IsValid, string.Join(" ", good.Errors.SelectMany(e => e.Value)));
        Assert.Equal(new Address("Storgatan 1", "51733", "Bollebygd"), good.Values["adress"]);
        Assert.Equal("Bollebygd Hultet 1:12", good.Values["fastighet"]);
        Assert.Equal([ValidationMessages.NotAnEmail],
            FormValidator.Validate(TestForms.Service(""), FormInput.FromPairs([KeyValuePair.Create("namn", (IEnumerable<string?>)["A"]), KeyValuePair.Create("epost", (IEnumerable<string?>)["a@b"])]), Today).Errors["epost"]);
    }

    [Fact]
    public void Line_breaks_from_a_form_post_count_as_one_character()
    {
        const string field = """{ "name": "kort", "type": "textarea", "label": "Kort", "maxLength": 5 }""";

        var result = Validate(field, ("kort", ["a\r\nb\r\nc"]));

        Assert.True(result.IsValid);
        Assert.Equal("a\nb\nc", result.Values["kort"]);
    }

    [Fact]
    public void A_number_too_large_for_a_decimal_is_an_error_not_a_crash()
    {
        using var json = System.Text.Json.JsonDocument.Parse("""{ "namn": "A", "epost": "a@example.se", "antal": 1e400 }""");
        var service = TestForms.Service("""{ "name": "antal", "type": "number", "label": "Antal" }""");

        var result = FormValidator.Validate(service, FormInput.FromJson(json.RootElement), Today);

        Assert.Equal([ValidationMessages.NotANumber], result.Errors["antal"]);
    }

    [Fact]
    public void A_required_checkbox_must_be_ticked()
    {
        const string field = """{ "name": "intygande", "type": "checkbox", "label": "Jag intygar", "required": true }""";

        Assert.Equal(["Du behöver kryssa i rutan för att gå vidare."], Validate(field).Errors["intygande"]);
        Assert.Equal(true, Validate(field, ("intygande", ["on"])).Values["intygande"]);
    }

    [Fact]
    public void Json_input_reads_like_a_form_post()
    {
        using var json = System.Text.Json.JsonDocument.Parse("""
            { "namn": "Anna", "epost": "anna@example.se", "antal": 3, "ok": true, "flera": ["a"], "adress": { "street": "Storgatan 1", "postalCode": "51733", "city": "Bollebygd" } }
            """);
        var input = FormInput.FromJson(json.RootElement);

        Assert.Equal("3", input.Single("antal"));
        Assert.Equal("true", input.Single("ok"));
        Assert.Equal(["a"], input.All("flera"));
        Assert.Equal("51733", input.Single("adress.postalCode"));
    }
}
