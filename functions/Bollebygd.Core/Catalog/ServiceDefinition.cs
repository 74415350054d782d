namespace Bollebygd.Core.Catalog;

/// <summary>
/// One e-service of the catalogue, from its versioned JSON definition. Web forms have steps; PDF blanketter and
/// external e-services have a <see cref="Url"/> instead.
/// </summary>
public sealed record ServiceDefinition(
    string Id,
    int Version,
    string Title,
    string Summary,
    ServiceKind Kind,
    string? Url,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Keywords,
    string Group,
    IReadOnlyList<FormStep>? Steps)
{
    public IEnumerable<FormField> Fields => (Steps ?? []).SelectMany(s => s.Fields);

    public FormField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>Where the citizen goes to use the service: our form page, or the PDF or external address.</summary>
    public string EntryUrl => Kind == ServiceKind.Form ? FormPagePath(Id) : Url ?? "";

    public static string FormPagePath(string serviceId) => $"/e-tjanster/{serviceId}.html";
}
