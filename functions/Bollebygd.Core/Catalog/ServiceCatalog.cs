using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bollebygd.Core.Catalog;

/// <summary>
/// Every e-service, from the JSON definitions kept in the repository. Loading checks each definition as a whole
/// (unique field names, options where needed, conditions that refer to an earlier field) and refuses the catalogue
/// with every problem listed, so a broken definition never reaches a citizen.
/// </summary>
public sealed partial class ServiceCatalog
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly StringComparer Swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), CompareOptions.IgnoreCase);

    private readonly Dictionary<string, ServiceDefinition> _byId;

    private ServiceCatalog(IEnumerable<ServiceDefinition> services)
    {
        All = services.OrderBy(s => s.Title, Swedish).ToList();
        _byId = All.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>All services, A–Ö by title in Swedish order (å, ä, ö last).</summary>
    public IReadOnlyList<ServiceDefinition> All { get; }

    public ServiceDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    public static ServiceCatalog Load(IEnumerable<(string Source, string Json)> definitions)
    {
        var problems = new List<string>();
        var services = new List<ServiceDefinition>();
        foreach (var (source, json) in definitions)
        {
            ServiceDefinition? service;
            try
            {
                service = JsonSerializer.Deserialize<ServiceDefinition>(json, Json);
            }
            catch (JsonException ex)
            {
                problems.Add($"{source}: {ex.Message}");
                continue;
            }
            if (service is null)
            {
                problems.Add($"{source}: empty definition.");
                continue;
            }
            var before = problems.Count;
            Check(source, service, problems);
            if (services.Any(s => s.Id == service.Id))
            {
                problems.Add($"{source}: id '{service.Id}' is used twice.");
            }
            if (problems.Count == before)
            {
                services.Add(service);
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidDataException("The service catalogue has errors:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
        return new ServiceCatalog(services);
    }

    private static void Check(string source, ServiceDefinition service, List<string> problems)
    {
        void Problem(string text) => problems.Add($"{source} ({service.Id}): {text}");

        if (string.IsNullOrEmpty(service.Id) || !ServiceId().IsMatch(service.Id))
        {
            Problem("id must be lowercase letters, digits and '-'.");
        }
        if (service.Version < 1)
        {
            Problem("version must be 1 or more.");
        }
        if (string.IsNullOrWhiteSpace(service.Title) || string.IsNullOrWhiteSpace(service.Summary))
        {
            Problem("title and summary are required.");
        }
        if ((service.Audiences?.Count ?? 0) == 0 || (service.Categories?.Count ?? 0) == 0)
        {
            Problem("at least one audience and one category are required.");
        }
        if (service.Kind != ServiceKind.Form)
        {
            if (string.IsNullOrWhiteSpace(service.Url))
            {
                Problem($"a {service.Kind} service needs a url.");
            }
            return;
        }
        if (service.Steps is not { Count: > 0 })
        {
            Problem("a form needs at least one step.");
            return;
        }

        var seen = new Dictionary<string, FormField>(StringComparer.Ordinal);
        foreach (var field in service.Fields)
        {
            if (string.IsNullOrEmpty(field.Name) || !FieldName().IsMatch(field.Name))
            {
                Problem($"field name '{field.Name}' must be ASCII letters and digits.");
            }
            else if (!seen.TryAdd(field.Name, field))
            {
                Problem($"field '{field.Name}' is declared twice.");
            }
            if (field.HasOptions != (field.Options is { Count: > 0 }))
            {
                Problem($"field '{field.Name}': options belong exactly to select, multiselect and radio fields.");
            }
            if (field.VisibleWhen is { } condition)
            {
                if (!seen.TryGetValue(condition.Field, out var dependsOn) || dependsOn == field)
                {
                    Problem($"field '{field.Name}' depends on '{condition.Field}', which is not an earlier field.");
                }
                else if (dependsOn.HasOptions && condition.AcceptedValues.Any(v => dependsOn.Options!.All(o => o.Value != v)))
                {
                    Problem($"field '{field.Name}' depends on a value '{condition.Field}' does not offer.");
                }
            }
        }
        if (!seen.TryGetValue(SubmissionFields.Email, out var email) || email.Type != FieldType.Email || !email.Required)
        {
            Problem($"a form needs a required email field named '{SubmissionFields.Email}' for the receipt.");
        }
        if (!seen.ContainsKey(SubmissionFields.Name))
        {
            Problem($"a form needs a field named '{SubmissionFields.Name}'.");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ServiceId();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9]*$")]
    private static partial Regex FieldName();
}
