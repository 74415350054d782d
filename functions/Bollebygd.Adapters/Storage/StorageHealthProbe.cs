using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Bollebygd.Core.Operations;

namespace Bollebygd.Adapters.Storage;

/// <summary>Checks one storage service by reading the first page of its listing (tables, queues or containers).</summary>
public sealed class StorageHealthProbe(string name, Func<CancellationToken, Task> check) : IHealthProbe
{
    public string Name { get; } = name;

    public Task CheckAsync(CancellationToken cancellationToken) => check(cancellationToken);

    public static StorageHealthProbe Tables(TableServiceClient tables) =>
        new("tables", ct => FirstPageAsync(tables.QueryAsync(maxPerPage: 1, cancellationToken: ct)));

    public static StorageHealthProbe Queues(QueueServiceClient queues) =>
        new("queues", ct => FirstPageAsync(queues.GetQueuesAsync(cancellationToken: ct)));

    public static StorageHealthProbe Blobs(BlobServiceClient blobs) =>
        new("blobs", ct => FirstPageAsync(blobs.GetBlobContainersAsync(cancellationToken: ct)));

    private static async Task FirstPageAsync<T>(AsyncPageable<T> pageable) where T : notnull
    {
        await foreach (var _ in pageable.AsPages(pageSizeHint: 1))
        {
            return;
        }
    }
}
