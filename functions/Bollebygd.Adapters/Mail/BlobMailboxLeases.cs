using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Mail;

/// <summary>
/// One blob per mailbox in <c>mailbox-state</c>: a blob lease of <see cref="LeaseDuration"/> is the right to poll it,
/// and the blob's metadata holds the watermark, written only under that lease.
/// </summary>
public sealed class BlobMailboxLeases(StorageResources storage) : IMailboxLeases
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    public async Task<IMailboxLease?> TryAcquireAsync(string mailboxName, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(BlobContainers.MailboxState, cancellationToken);
        var blob = container.GetBlobClient(mailboxName.ToLowerInvariant());
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The mailbox was polled before.
        }
        var leaseClient = blob.GetBlobLeaseClient();
        try
        {
            await leaseClient.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
        var metadata = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata;
        return new BlobMailboxLease(blob, leaseClient, BlobMailboxLease.ReadWatermark(metadata));
    }
}
