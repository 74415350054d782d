namespace Bollebygd.Core.Catalog;

/// <summary>A catalogue entry as <c>GET /api/services</c> lists it.</summary>
public sealed record ServiceSummary(
    string Id,
    string Title,
    string Summary,
    ServiceKind Kind,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Keywords,
    string Url)
{
    public static ServiceSummary Of(ServiceDefinition service) => new(
        service.Id, service.Title, service.Summary, service.Kind, service.Audiences, service.Categories, service.Keywords, service.EntryUrl);
}
