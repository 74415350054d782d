using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Registry;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Registry;

/// <summary>
/// The Platina writer's lease: a blob lease on <c>leases/platina-writer</c>, held while one registration writes and
/// released after; if the holder dies, it lapses after <see cref="LeaseDuration"/>.
/// </summary>
public sealed class BlobRegistryWriterLease(StorageResources storage) : IRegistryWriterLease
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    public async Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(BlobContainers.Leases, cancellationToken);
        var blob = container.GetBlobClient("platina-writer");
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // There already.
        }
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
        return new Held(lease);
    }

    private sealed class Held(BlobLeaseClient lease) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // Lapsed already: nothing to give back.
            }
        }
    }
}
