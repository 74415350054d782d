using Bollebygd.LocalHost.Configuration;
using Bollebygd.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Bollebygd.Functions.Tests.LocalHost;

public class HostSettingsTests
{
    private static readonly string HostJson = Path.Combine(RepositoryPaths.FunctionAppOutput, "host.json");

    [Fact]
    public void Queue_options_come_from_host_json()
    {
        var settings = HostSettings.Load(HostJson, new ConfigurationBuilder().Build());

        Assert.Equal(5, settings.Queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Queues.VisibilityTimeout);
        Assert.Equal("base64", settings.Queues.MessageEncoding);
        Assert.Equal("api", settings.RoutePrefix);
    }

    [Fact]
    public void App_settings_override_host_json_as_on_the_Functions_host()
    {
        var appSettings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:01",
        }).Build();

        var settings = HostSettings.Load(HostJson, appSettings);

        Assert.Equal(2, settings.Queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.Queues.VisibilityTimeout);
        Assert.Equal(16, settings.Queues.BatchSize);
    }
}
