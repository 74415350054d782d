using Bollebygd.Core.Catalog;

namespace Bollebygd.Functions.Catalog;

/// <summary>
/// The service definitions under Catalog/Definitions, compiled into this assembly as resources, so the deployed
/// app always serves exactly the definitions it was built with.
/// </summary>
public static class CatalogDefinitions
{
    private const string Prefix = "catalog/";

    public static ServiceCatalog Load()
    {
        var assembly = typeof(CatalogDefinitions).Assembly;
        var definitions = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n, reader.ReadToEnd());
            });
        return ServiceCatalog.Load(definitions);
    }
}
