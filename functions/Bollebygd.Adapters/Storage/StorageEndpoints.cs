using Microsoft.Extensions.Configuration;

namespace Bollebygd.Adapters.Storage;

/// <summary>
/// Reads the <c>AzureWebJobsStorage</c> section the way the Functions host does: either a connection string
/// (Azurite locally) or identity-based settings (<c>accountName</c>, or <c>blobServiceUri</c>,
/// <c>queueServiceUri</c> and <c>tableServiceUri</c>, with an optional user-assigned <c>clientId</c>).
/// </summary>
public sealed record StorageEndpoints(string? ConnectionString, Uri? BlobUri, Uri? QueueUri, Uri? TableUri, string? ClientId)
{
    public static StorageEndpoints From(IConfiguration configuration, string sectionName = StorageConnection.SectionName)
    {
        var section = configuration.GetSection(sectionName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new StorageEndpoints(section.Value, null, null, null, null);
        }

        var account = section["accountName"];
        Uri? Endpoint(string key, string service) =>
            section[key] is { Length: > 0 } uri ? new Uri(uri)
            : account is { Length: > 0 } ? new Uri($"https://{account}.{service}.core.windows.net")
            : null;

        var endpoints = new StorageEndpoints(
            null,
            Endpoint("blobServiceUri", "blob"),
            Endpoint("queueServiceUri", "queue"),
            Endpoint("tableServiceUri", "table"),
            section["clientId"]);
        if (endpoints.BlobUri is null || endpoints.QueueUri is null || endpoints.TableUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{sectionName}' to a connection string, or " +
                $"'{sectionName}__accountName' (or the three *ServiceUri settings) for managed identity.");
        }
        return endpoints;
    }

    /// <summary>A queue service client on these endpoints with the given message encoding.</summary>
    public Azure.Storage.Queues.QueueServiceClient CreateQueueServiceClient(
        Azure.Storage.Queues.QueueMessageEncoding encoding, Azure.Core.TokenCredential credential)
    {
        var options = new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = encoding };
        return ConnectionString is { } cs
            ? new Azure.Storage.Queues.QueueServiceClient(cs, options)
            : new Azure.Storage.Queues.QueueServiceClient(QueueUri, credential, options);
    }
}
