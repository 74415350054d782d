using Azure.Storage.Blobs;
using Bollebygd.Core.Operations;

namespace Bollebygd.Adapters.Storage;

public sealed class BlobHealthProbe(BlobServiceClient blobs) : IHealthProbe
{
    public string Name => "blobs";

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in blobs.GetBlobContainersAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
        {
            return;
        }
    }
}
