using Bollebygd.Core.Catalog;
using Bollebygd.Functions.Catalog;
using Bollebygd.Functions.Tests.Intake;

namespace Bollebygd.Functions.Tests.Catalog;

public class ServiceCatalogFunctionsTests
{
    private static readonly ServiceCatalog Catalog = CatalogDefinitions.Load();

    private static readonly Bollebygd.Functions.Http.ClientRateLimiter Limiter =
        new(Microsoft.Extensions.Options.Options.Create(new Bollebygd.Functions.Http.RateLimitOptions()), TimeProvider.System);

    [Fact]
    public void The_catalogue_has_every_service_the_requirements_name()
    {
        string[] required =
        [
            "synpunkter-och-felanmalan", "kontakta-kundtjanst", "atervinningskort", "uppehall-i-avfallshamtning", "andring-av-abonnemang",
            "nytt-abonnemang", "mataravlasning", "agarbyte", "gravtillstand", "servisanmalan-va", "enskilt-avlopp", "bygglov",
        ];
        Assert.All(required, id => Assert.Equal(ServiceKind.Form, Catalog.Find(id)?.Kind));
        Assert.Contains(Catalog.All, s => s.Kind == ServiceKind.Pdf);
        Assert.Contains(Catalog.All, s => s.Kind == ServiceKind.External);
        Assert.Equal(Enum.GetValues<FieldType>().Order(), Catalog.All.SelectMany(s => s.Fields).Select(f => f.Type).Distinct().Order());
    }

    [Fact]
    public void Kontakta_kundtjanst_asks_name_email_phone_question_and_an_optional_file()
    {
        var fields = Catalog.Find("kontakta-kundtjanst")!.Fields.ToList();

        Assert.Equal([FieldType.Text, FieldType.Email, FieldType.Phone, FieldType.Textarea, FieldType.File], fields.Select(f => f.Type));
        Assert.False(fields.Single(f => f.Type == FieldType.File).Required);
    }

    [Fact]
    public void The_list_gives_id_title_summary_kind_audiences_categories_and_url()
    {
        var functions = new ServiceCatalogFunctions(Catalog, Limiter);
        var (status, list) = HttpRequests.Read(functions.List(HttpRequests.Get()));

        Assert.Equal(200, status);
        var first = list.EnumerateArray().First();
        foreach (var property in new[] { "id", "title", "summary", "kind", "audiences", "categories", "url" })
        {
            Assert.True(first.TryGetProperty(property, out _), property);
        }
        Assert.Equal(Catalog.All.Count, list.GetArrayLength());
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("kind").GetString() == "pdf");
    }

    [Fact]
    public void One_definition_has_versioned_steps_with_typed_fields_and_unknown_ids_are_404()
    {
        var functions = new ServiceCatalogFunctions(Catalog, Limiter);
        var (status, definition) = HttpRequests.Read(functions.Get(HttpRequests.Get(), "bygglov"));

        Assert.Equal(200, status);
        Assert.Equal(1, definition.GetProperty("version").GetInt32());
        var field = definition.GetProperty("steps")[0].GetProperty("fields")[0];
        Assert.False(string.IsNullOrEmpty(field.GetProperty("type").GetString()));
        Assert.Contains(definition.GetProperty("steps").EnumerateArray().SelectMany(s => s.GetProperty("fields").EnumerateArray()),
            f => f.TryGetProperty("visibleWhen", out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Object);
        Assert.Equal(404, HttpRequests.Read(functions.Get(HttpRequests.Get(), "finns-inte")).Status);
    }
}
