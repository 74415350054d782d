using System.Net;
using System.Net.Sockets;
using Bollebygd.LocalHost.Invocation;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bollebygd.LocalHost.Durable;

/// <summary>
/// Hosts orchestrationTrigger and activityTrigger functions on the in-process Durable Task sidecar of
/// Microsoft.DurableTask.InProcessTestHost, inside LocalHost's own container, and makes its
/// <see cref="Microsoft.DurableTask.Client.DurableTaskClient"/> what <c>[DurableClient]</c> parameters receive.
/// State lives in memory: it is gone when LocalHost stops (see docs/local-runtime.md).
/// </summary>
public static class DurableFunctionRegistration
{
    public static IServiceCollection AddDurableFunctions(this IServiceCollection services, FunctionCatalog catalog, int? port)
    {
        // The registry's orchestrator factories get no service provider; they read the root one from here.
        var root = new RootServices();
        services.AddSingleton(root);
        services.AddInMemoryDurableTask(registry =>
        {
            foreach (var function in catalog.OfKind(TriggerKind.Orchestration))
            {
                registry.AddOrchestrator(function.Name, () => new FunctionOrchestrator(
                    function, root.Provider, root.Provider.GetRequiredService<FunctionInvoker>()));
            }
            foreach (var function in catalog.OfKind(TriggerKind.Activity))
            {
                registry.AddActivity(function.Name, sp => new FunctionActivity(
                    function, sp, sp.GetRequiredService<FunctionInvoker>(),
                    sp.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping));
            }
        }, new InMemoryDurableTaskOptions { Port = port ?? FreePort() });
        return services;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
