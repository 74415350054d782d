using System.Text.Json;
using Bollebygd.Core.Catalog;
using Bollebygd.Core.Registry;

namespace Bollebygd.Functions.Registry;

/// <summary>
/// Where cases go in Platina (Registry/registry.json, compiled into the app): the diary per group, the case type per
/// e-service, and the e-services registered on arrival — checked at start against the catalogue, so a misspelt service
/// stops the app rather than a bygglov's registration.
/// </summary>
public static class RegistryDefinitions
{
    public static RegistryRules Load(ServiceCatalog catalog)
    {
        using var stream = typeof(RegistryDefinitions).Assembly.GetManifestResourceStream("registry/registry.json")
            ?? throw new InvalidOperationException("registry/registry.json is not embedded.");
        var file = JsonSerializer.Deserialize<RegistryFile>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("registry/registry.json is empty.");
        var unknown = file.CaseTypeByService.Keys.Concat(file.AlwaysRegister).Where(id => catalog.Find(id) is null).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"registry/registry.json names e-services that do not exist: {string.Join(", ", unknown)}.");
        }
        return new RegistryRules(file.DiaryByGroup, file.DefaultDiary, file.CaseTypeByService, file.DefaultCaseType, file.AlwaysRegister.ToHashSet(),
            file.MovedFromEdp.Diary, file.MovedFromEdp.CaseType);
    }

    private sealed record RegistryFile(int DefaultDiary, Dictionary<string, int> DiaryByGroup, int DefaultCaseType,
        Dictionary<string, int> CaseTypeByService, List<string> AlwaysRegister, EdpRules MovedFromEdp);

    private sealed record EdpRules(int Diary, int CaseType);
}
