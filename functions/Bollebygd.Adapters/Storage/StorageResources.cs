using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Bollebygd.Adapters.Storage;

/// <summary>
/// Hands out table, queue and blob container clients, creating each once per process on first use, so no deployment
/// step has to create them and no request pays for the check twice.
/// </summary>
public sealed class StorageResources(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new(StringComparer.Ordinal);

    public Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken) =>
        Ensure(_containers, name, async () =>
        {
            var container = blobs.GetBlobContainerClient(name);
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return container;
        });

    public Task<TableClient> TableAsync(string name, CancellationToken cancellationToken) =>
        Ensure(_tables, name, async () =>
        {
            var table = tables.GetTableClient(name);
            await table.CreateIfNotExistsAsync(cancellationToken);
            return table;
        });

    public Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken) =>
        Ensure(_queues, name, async () =>
        {
            var queue = queues.GetQueueClient(name);
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return queue;
        });

    /// <summary>
    /// Puts a message on a queue as web-style JSON — the shape the queue triggers bind to POCOs — visible at once or
    /// after <paramref name="delay"/>.
    /// </summary>
    public async Task EnqueueJsonAsync<T>(string queueName, T message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(queueName, cancellationToken);
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, JsonSerializerOptions.Web), delay, cancellationToken: cancellationToken);
    }

    private static async Task<T> Ensure<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string name, Func<Task<T>> create)
    {
        var lazy = cache.GetOrAdd(name, _ => new Lazy<Task<T>>(create));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // A failed creation (storage down) must not be remembered: the next call tries again.
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(name, lazy));
            throw;
        }
    }
}
