using Azure.Storage.Queues;
using Bollebygd.Core.Operations;
using Bollebygd.Functions.Operations;
using Bollebygd.TestSupport;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Operations;

[Collection(StorageCollection.Name)]
public class PoisonQueueMonitorStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_message_in_a_poison_queue_raises_an_alert_that_resolves_when_the_queue_is_emptied()
    {
        using var services = AppServices.Build(azurite);
        var poisonName = $"t{Guid.NewGuid():N}"[..20] + "-poison";
        var poison = services.GetRequiredService<QueueServiceClient>().GetQueueClient(poisonName);
        await poison.CreateAsync();
        await poison.SendMessageAsync("{\"broken\":true}");
        var function = ActivatorUtilities.CreateInstance<PoisonQueueMonitorFunction>(services);
        var alerts = services.GetRequiredService<IOperatorAlerts>();

        await function.Run(new TimerInfo { IsPastDue = false }, CancellationToken.None);

        var alert = Assert.Single(await alerts.ListOpenAsync(CancellationToken.None), a => a.Source == poisonName);
        Assert.Equal(OperatorAlertKinds.PoisonMessages, alert.Kind);
        Assert.Equal(1, alert.Count);

        await poison.ClearMessagesAsync();
        await function.Run(new TimerInfo { IsPastDue = true }, CancellationToken.None);

        Assert.DoesNotContain(await alerts.ListOpenAsync(CancellationToken.None), a => a.Source == poisonName);
        await poison.DeleteAsync();
    }
}
