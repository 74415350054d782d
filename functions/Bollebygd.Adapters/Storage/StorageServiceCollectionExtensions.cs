using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Adapters.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers Table, Queue and Blob service clients from <see cref="StorageEndpoints"/>. Queue messages are base64,
    /// as the Functions host expects by default.
    /// </summary>
    public static IServiceCollection AddBollebygdStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoints = StorageEndpoints.From(configuration);
        services.AddSingleton(endpoints);
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = endpoints.ClientId,
            }));
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential) =>
                endpoints.ConnectionString is { } cs
                    ? new TableServiceClient(cs, options)
                    : new TableServiceClient(endpoints.TableUri, credential, options));
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential) =>
                endpoints.ConnectionString is { } cs
                    ? new BlobServiceClient(cs, options)
                    : new BlobServiceClient(endpoints.BlobUri, credential, options));
            clients.AddClient<QueueServiceClient, QueueClientOptions>((_, credential) =>
                endpoints.CreateQueueServiceClient(QueueMessageEncoding.Base64, credential));
        });
        return services;
    }
}
