using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.LocalHost.Timers;

/// <summary>
/// The schedule monitor's memory (<c>useMonitor</c>): the last and next occurrence of each timer in a blob under
/// <c>azure-webjobs-hosts/timers/</c>, as the Functions host keeps it, so a timer missed while LocalHost was down runs
/// once at start-up with <c>IsPastDue</c>.
/// </summary>
public sealed class TimerStatusStore(BlobServiceClient blobs)
{
    public const string Container = "azure-webjobs-hosts";
    private const string HostId = "bollebygd-localhost";

    public async Task<ScheduleStatus?> ReadAsync(string functionId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await Blob(functionId).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<ScheduleStatus>(JsonSerializerOptions.Web);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private volatile bool _containerExists;

    public async Task WriteAsync(string functionId, ScheduleStatus status, CancellationToken cancellationToken)
    {
        if (!_containerExists)
        {
            await blobs.GetBlobContainerClient(Container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _containerExists = true;
        }
        await Blob(functionId).UploadAsync(BinaryData.FromObjectAsJson(status, JsonSerializerOptions.Web), overwrite: true, cancellationToken);
    }

    private BlobClient Blob(string functionId) =>
        blobs.GetBlobContainerClient(Container).GetBlobClient($"timers/{HostId}/{functionId}/status");
}
