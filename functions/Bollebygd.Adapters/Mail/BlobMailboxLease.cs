using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Bollebygd.Core.Mail;

namespace Bollebygd.Adapters.Mail;

/// <summary>A held mailbox lease; see <see cref="BlobMailboxLeases"/>.</summary>
public sealed class BlobMailboxLease(BlobClient blob, BlobLeaseClient lease, MailboxWatermark watermark) : IMailboxLease
{
    private const string UidValidityKey = "uidvalidity";
    private const string LastUidKey = "lastuid";

    public MailboxWatermark Watermark { get; private set; } = watermark;

    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            await lease.RenewAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new MailboxLeaseLostException(blob.Name, ex);
        }
    }

    public async Task AdvanceAsync(MailboxWatermark watermark, CancellationToken cancellationToken)
    {
        await RenewAsync(cancellationToken);
        try
        {
            await blob.SetMetadataAsync(new Dictionary<string, string>
            {
                [UidValidityKey] = watermark.UidValidity.ToString(CultureInfo.InvariantCulture),
                [LastUidKey] = watermark.LastUid.ToString(CultureInfo.InvariantCulture),
            }, new BlobRequestConditions { LeaseId = lease.LeaseId }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new MailboxLeaseLostException(blob.Name, ex);
        }
        Watermark = watermark;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await lease.ReleaseAsync();
        }
        catch (RequestFailedException)
        {
            // Lost or expired already: the next poller acquires it anyway.
        }
    }

    public static MailboxWatermark ReadWatermark(IDictionary<string, string> metadata) =>
        metadata.TryGetValue(UidValidityKey, out var validity) && metadata.TryGetValue(LastUidKey, out var last)
        && uint.TryParse(validity, CultureInfo.InvariantCulture, out var v) && uint.TryParse(last, CultureInfo.InvariantCulture, out var l)
            ? new MailboxWatermark(v, l)
            : MailboxWatermark.None;
}
