using Bollebygd.Core.Catalog;
using Bollebygd.Core.Tests.Forms;

namespace Bollebygd.Core.Tests.Catalog;

public class ServiceCatalogTests
{
    [Fact]
    public void Services_are_listed_A_to_O_in_Swedish_order()
    {
        var catalog = TestForms.Catalog(
            TestForms.Definition("c", "").Replace("Testtjänst", "Ägarbyte"),
            TestForms.Definition("a", "").Replace("Testtjänst", "Avlopp"),
            TestForms.Definition("b", "").Replace("Testtjänst", "Återvinningskort"),
            TestForms.Definition("d", "").Replace("Testtjänst", "Zon"));

        Assert.Equal(["Avlopp", "Zon", "Återvinningskort", "Ägarbyte"], catalog.All.Select(s => s.Title));
    }

    [Fact]
    public void A_broken_definition_is_refused_with_every_problem_named()
    {
        var broken = TestForms.Definition("trasig", """
            { "name": "val", "type": "select", "label": "Val" },
            { "name": "namn", "type": "text", "label": "Igen" },
            { "name": "beror", "type": "text", "label": "Beror", "visibleWhen": { "field": "senare", "equals": "x" } },
            { "name": "senare", "type": "text", "label": "Senare" }
            """);

        var ex = Assert.Throws<InvalidDataException>(() => TestForms.Catalog(broken));

        Assert.Contains("options belong exactly to select", ex.Message);
        Assert.Contains("field 'namn' is declared twice", ex.Message);
        Assert.Contains("depends on 'senare', which is not an earlier field", ex.Message);
    }

    [Fact]
    public void A_form_without_a_required_email_for_the_receipt_is_refused()
    {
        var json = TestForms.Definition("utan", "").Replace("\"required\": true }\n", "\"required\": false }\n");
        var ex = Assert.Throws<InvalidDataException>(() => TestForms.Catalog(json.Replace("E-postadress\", \"required\": true", "E-postadress\", \"required\": false")));
        Assert.Contains("required email field named 'epost'", ex.Message);
    }

    [Fact]
    public void A_summary_links_a_form_to_its_page_and_others_to_their_url()
    {
        var catalog = TestForms.Catalog(TestForms.Definition("blankett", "").Replace("\"kind\": \"form\", \"url\": null", "\"kind\": \"pdf\", \"url\": \"https://www.bollebygd.se/a.pdf\""),
            TestForms.Definition("formular", ""));

        Assert.Equal("https://www.bollebygd.se/a.pdf", ServiceSummary.Of(catalog.Find("blankett")!).Url);
        Assert.Equal(ServiceKind.Pdf, catalog.Find("blankett")!.Kind);
        Assert.Equal("/e-tjanster/formular.html", ServiceSummary.Of(catalog.Find("formular")!).Url);
    }
}
