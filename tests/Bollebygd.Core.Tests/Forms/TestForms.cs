using Bollebygd.Core.Catalog;

namespace Bollebygd.Core.Tests.Forms;

/// <summary>Service definitions built in code for the tests, in the JSON shape of the catalogue.</summary>
internal static class TestForms
{
    public static ServiceCatalog Catalog(params string[] definitions) =>
        ServiceCatalog.Load(definitions.Select((json, i) => ($"test{i}.json", json)));

    public static ServiceDefinition Service(string fieldsJson) =>
        Catalog(Definition("test", fieldsJson)).Find("test")!;

    public static string Definition(string id, string fieldsJson) => $$"""
        {
          "id": "{{id}}", "version": 1, "title": "Testtjänst", "summary": "För tester.", "kind": "form", "url": null,
          "audiences": ["Invånare"], "categories": ["Kontakt och synpunkter"], "keywords": [], "group": "kundtjanst",
          "steps": [ { "title": "Steg", "fields": [
            { "name": "namn", "type": "text", "label": "Ditt namn", "required": true },
            { "name": "epost", "type": "email", "label": "E-postadress", "required": true }
            {{(fieldsJson.Length > 0 ? "," + fieldsJson : "")}}
          ] } ]
        }
        """;
}
