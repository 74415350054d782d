using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Intake;

/// <summary>Accepted submissions as JSON documents in the private <c>submissions</c> container.</summary>
public sealed class BlobSubmissionArchive(StorageResources storage) : ISubmissionArchive
{
    public async Task SaveAsync(SubmissionRecord record, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(BlobContainers.Submissions, cancellationToken);
        await container.GetBlobClient(BlobName(record.CaseId)).UploadAsync(
            BinaryData.FromObjectAsJson(record, JsonSerializerOptions.Web),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);
    }

    public async Task<SubmissionRecord?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(BlobContainers.Submissions, cancellationToken);
        try
        {
            var content = await container.GetBlobClient(BlobName(caseId)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<SubmissionRecord>(JsonSerializerOptions.Web);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static string BlobName(string caseId) => $"{caseId}/submission.json";
}
