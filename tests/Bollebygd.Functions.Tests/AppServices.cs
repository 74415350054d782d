using Bollebygd.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests;

/// <summary>The Function App's real service graph (<c>AddBollebygd</c>) against a given storage connection.</summary>
public static class AppServices
{
    public static ServiceProvider Build(string storageConnection, Action<IServiceCollection>? configure = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = storageConnection })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddBollebygd(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static ServiceProvider Build(AzuriteFixture azurite, Action<IServiceCollection>? configure = null,
        IReadOnlyDictionary<string, string?>? settings = null) =>
        Build(azurite.ConnectionString, configure, settings);

    /// <summary>Storage that refuses every connection: a port nothing listens on.</summary>
    public static string UnreachableStorage()
    {
        var port = FreePort.Next();
        return AzuriteFixture.ConnectionStringFor(port, port, port);
    }
}
