using Azure;
using Azure.Storage.Blobs.Models;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Routing;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Routing;

/// <summary>The classifier model as JSON in the private <c>routing</c> container, <c>model.json</c>.</summary>
public sealed class BlobRoutingModels(StorageResources storage) : IRoutingModels
{
    private const string ModelBlob = "model.json";

    public async Task<RoutingModel?> CurrentAsync(CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(BlobContainers.Routing, cancellationToken);
        try
        {
            var content = await container.GetBlobClient(ModelBlob).DownloadContentAsync(cancellationToken);
            return RoutingModel.FromJson(content.Value.Content.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (FormatException)
        {
            // A model of an older format: the caller trains a new one.
            return null;
        }
    }

    public async Task SaveAsync(RoutingModel model, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(BlobContainers.Routing, cancellationToken);
        await container.GetBlobClient(ModelBlob).UploadAsync(BinaryData.FromString(model.ToJson()),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
    }
}
