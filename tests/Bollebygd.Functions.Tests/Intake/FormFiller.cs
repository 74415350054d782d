using System.Text.Json.Nodes;
using Bollebygd.Core.Catalog;

namespace Bollebygd.Functions.Tests.Intake;

/// <summary>
/// Fills any form from its own definition with values its field types accept, the way a careful citizen would:
/// the first option of every choice, every checkbox ticked, the given upload for every file field.
/// </summary>
public static class FormFiller
{
    public const string ValidPersonnummer = "19811218-9876";
    public const string ValidOrgnummer = "556036-0793";

    public static JsonObject ValidValues(ServiceDefinition service, string uploadId)
    {
        var values = new JsonObject();
        foreach (var field in service.Fields.Where(f => f.TakesInput))
        {
            values[field.Name] = field.Type switch
            {
                FieldType.Text => field.Name == SubmissionFields.Name ? "Anna Andersson" : "Text",
                FieldType.Textarea => "En längre text.",
                FieldType.Number => field.Min ?? 1,
                FieldType.Date => "2026-12-24",
                FieldType.Select or FieldType.Radio => field.Options![0].Value,
                FieldType.Multiselect => new JsonArray(field.Options!.Select(o => (JsonNode)o.Value).ToArray()),
                FieldType.Checkbox => true,
                FieldType.Email => "anna@example.se",
                FieldType.Phone => "070-123 45 67",
                FieldType.Personnummer => ValidPersonnummer,
                FieldType.Orgnummer => ValidOrgnummer,
                FieldType.Address => new JsonObject { ["street"] = "Storgatan 1", ["postalCode"] = "517 33", ["city"] = "Bollebygd" },
                FieldType.Fastighetsbeteckning => "Bollebygd Hultet 1:12",
                FieldType.File => uploadId,
                _ => null,
            };
        }
        return values;
    }
}
