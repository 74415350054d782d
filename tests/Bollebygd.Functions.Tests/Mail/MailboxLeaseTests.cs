using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Mail;

[Collection(StorageCollection.Name)]
public class MailboxLeaseTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_lease_taken_over_by_another_poller_is_reported_as_lost_and_the_watermark_stays()
    {
        using var services = AppServices.Build(azurite);
        var leases = services.GetRequiredService<IMailboxLeases>();
        var name = "lease-" + Guid.NewGuid().ToString("N")[..8];
        var first = (await leases.TryAcquireAsync(name, CancellationToken.None))!;
        await first.AdvanceAsync(new MailboxWatermark(7, 10), CancellationToken.None);

        // The lease runs out (broken here) and another poller takes it.
        var blob = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(BlobContainers.MailboxState).GetBlobClient(name);
        await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        await using var second = await leases.TryAcquireAsync(name, CancellationToken.None);
        Assert.NotNull(second);
        Assert.Equal(new MailboxWatermark(7, 10), second.Watermark);

        await Assert.ThrowsAsync<MailboxLeaseLostException>(() => first.RenewAsync(CancellationToken.None));
        await Assert.ThrowsAsync<MailboxLeaseLostException>(() => first.AdvanceAsync(new MailboxWatermark(7, 3), CancellationToken.None));
        await first.DisposeAsync(); // releasing a lost lease does no harm
        await second.AdvanceAsync(new MailboxWatermark(7, 12), CancellationToken.None);
        Assert.Equal(new MailboxWatermark(7, 12), BlobMailboxLeaseWatermark(await blob.GetPropertiesAsync()));
    }

    private static MailboxWatermark BlobMailboxLeaseWatermark(Azure.Response<Azure.Storage.Blobs.Models.BlobProperties> properties) =>
        Adapters.Mail.BlobMailboxLease.ReadWatermark(properties.Value.Metadata);
}
