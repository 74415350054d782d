using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Remiss;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Remiss;

/// <summary>
/// The remiss links' signing key as a blob in the private <c>keys</c> container, made by the first instance that needs it
/// (created only if absent, so instances racing to make it end up with the same one) and kept in memory after.
/// </summary>
public sealed class BlobRemissKeys(StorageResources storage) : IRemissKeys
{
    private const string BlobName = "remiss-links-v1.key";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_key is null)
            {
                var blob = (await storage.ContainerAsync(BlobContainers.Keys, cancellationToken)).GetBlobClient(BlobName);
                try
                {
                    await blob.UploadAsync(BinaryData.FromBytes(RandomNumberGenerator.GetBytes(32)),
                        new BlobUploadOptions { Conditions = new() { IfNoneMatch = ETag.All } }, cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412)
                {
                    // Made already, by another instance or an earlier start.
                }
                _key = (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
            }
            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }
}
