using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Registry;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Registry;

/// <summary>
/// The Platina writer's lease: a blob lease on <c>leases/platina-writer</c>, renewed every <see cref="RenewEvery"/> while
/// one registration writes and released after; if the holder dies, it lapses after <see cref="LeaseDuration"/>.
/// </summary>
public sealed class BlobRegistryWriterLease(StorageResources storage) : IRegistryWriterLease
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);

    public async Task<IRegistryWriter?> TryAcquireAsync(CancellationToken cancellationToken)
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

    private sealed class Held : IRegistryWriter
    {
        private readonly BlobLeaseClient _lease;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Held(BlobLeaseClient lease)
        {
            _lease = lease;
            _renewing = RenewAsync();
        }

        public CancellationToken Lost => _lost.Token;

        private async Task RenewAsync()
        {
            try
            {
                while (true)
                {
                    await Task.Delay(RenewEvery, _stop.Token);
                    await _lease.RenewAsync(cancellationToken: _stop.Token);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (Exception)
            {
                // Could not keep it: whoever writes under it must stop.
                await _lost.CancelAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewing;
            try
            {
                await _lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // Lapsed already: nothing to give back.
            }
            _stop.Dispose();
            _lost.Dispose();
        }
    }
}
