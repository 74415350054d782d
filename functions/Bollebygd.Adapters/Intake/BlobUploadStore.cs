using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs.Models;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Intake;

/// <summary>
/// Uploaded files in the private <c>uploads</c> container under a random id; the cleaned original name is kept in
/// metadata (URL-encoded, as metadata is ASCII only) and the sniffed content type in the blob's headers.
/// </summary>
public sealed partial class BlobUploadStore(StorageResources storage) : IUploadStore
{
    private const string NameMetadata = "name";

    public async Task<Attachment> SaveAsync(ReadOnlyMemory<byte> content, string name, string contentType, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(BlobContainers.Uploads, cancellationToken);
        var id = Guid.NewGuid().ToString("N");
        await container.GetBlobClient(id).UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string> { [NameMetadata] = Uri.EscapeDataString(name) },
        }, cancellationToken);
        return new Attachment(id, name, content.Length, contentType);
    }

    public async Task<Attachment?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!UploadId().IsMatch(id))
        {
            return null;
        }
        var container = await storage.ContainerAsync(BlobContainers.Uploads, cancellationToken);
        try
        {
            var properties = (await container.GetBlobClient(id).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            var name = properties.Metadata.TryGetValue(NameMetadata, out var encoded) ? Uri.UnescapeDataString(encoded) : "fil";
            return new Attachment(id, name, properties.ContentLength, properties.ContentType);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<byte[]?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        if (!UploadId().IsMatch(id))
        {
            return null;
        }
        var container = await storage.ContainerAsync(BlobContainers.Uploads, cancellationToken);
        try
        {
            return (await container.GetBlobClient(id).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[a-f0-9]{32}\z")]
    private static partial Regex UploadId();
}
