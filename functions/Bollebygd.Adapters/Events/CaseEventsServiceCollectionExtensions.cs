using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Bollebygd.Core.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Adapters.Events;

public static class CaseEventsServiceCollectionExtensions
{
    /// <summary>
    /// The case-events bus: a Service Bus topic reached with the managed identity (<c>AZURE_CLIENT_ID</c> names the
    /// user-assigned one) when <c>CaseEvents:FullyQualifiedNamespace</c> is set, otherwise none.
    /// </summary>
    public static IServiceCollection AddCaseEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaseEventsOptions>().Bind(configuration.GetSection(CaseEventsOptions.Section));
        services.AddSingleton<ICaseEventLedgers, TableCaseEventLedgers>();
        var options = configuration.GetSection(CaseEventsOptions.Section).Get<CaseEventsOptions>() ?? new CaseEventsOptions();
        if (!options.Enabled)
        {
            services.AddSingleton<ICaseEventBus, DisabledCaseEventBus>();
            return services;
        }
        services.AddSingleton(_ => new ServiceBusClient(options.FullyQualifiedNamespace, new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = configuration["AZURE_CLIENT_ID"],
        })));
        services.AddSingleton<ICaseEventBus>(sp => new ServiceBusCaseEventBus(sp.GetRequiredService<ServiceBusClient>().CreateSender(options.TopicName)));
        return services;
    }
}
