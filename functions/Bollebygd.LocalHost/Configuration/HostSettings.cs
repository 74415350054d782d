using Microsoft.Extensions.Configuration;

namespace Bollebygd.LocalHost.Configuration;

/// <summary>
/// <c>host.json</c> as the Functions host reads it: the file, overridden by app settings named
/// <c>AzureFunctionsJobHost__path__to__value</c> (for example <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c>).
/// </summary>
public sealed class HostSettings(IConfiguration hostJson)
{
    public const string OverrideSection = "AzureFunctionsJobHost";

    public IConfiguration Root { get; } = hostJson;

    public static HostSettings Load(string hostJsonPath, IConfiguration appSettings)
    {
        var overrides = appSettings.GetSection(OverrideSection).AsEnumerable(makePathsRelative: true)
            .Where(kv => kv.Value is not null);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(hostJsonPath, optional: false)
            .AddInMemoryCollection(overrides)
            .Build();
        return new HostSettings(configuration);
    }

    public QueueTriggerOptions Queues =>
        Root.GetSection("extensions:queues").Get<QueueTriggerOptions>() ?? new QueueTriggerOptions();

    public string RoutePrefix => Root["extensions:http:routePrefix"] ?? "api";
}
