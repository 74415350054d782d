using Azure;
using Azure.Storage.Blobs.Models;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Mail;

/// <summary>Arriving mail in the private <c>raw-mail</c> container as <c>{key}.eml</c>; the first copy stored is kept.</summary>
public sealed class BlobRawMailStore(StorageResources storage) : IRawMailStore
{
    public static string BlobName(string key) => key + ".eml";

    public async Task SaveAsync(string key, ReadOnlyMemory<byte> raw, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(BlobContainers.RawMail, cancellationToken);
        try
        {
            await container.GetBlobClient(BlobName(key)).UploadAsync(BinaryData.FromBytes(raw), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "message/rfc822" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Stored by an earlier poll (the mail was read again after a crash): the first copy stands.
        }
    }

    public async Task<ReadOnlyMemory<byte>?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(BlobContainers.RawMail, cancellationToken);
        try
        {
            var content = await container.GetBlobClient(BlobName(key)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToMemory();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
