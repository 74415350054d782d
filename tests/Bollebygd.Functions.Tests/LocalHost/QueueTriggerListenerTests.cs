using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues;
using Bollebygd.LocalHost.Configuration;
using Bollebygd.LocalHost.Invocation;
using Bollebygd.LocalHost.Queues;
using Bollebygd.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.LocalHost;

[Collection(StorageCollection.Name)]
public class QueueTriggerListenerTests(AzuriteFixture azurite)
{
    private readonly string _queueName = "q" + Guid.NewGuid().ToString("N")[..16];

    [Fact]
    public async Task A_message_whose_function_keeps_failing_moves_to_the_poison_queue_after_maxDequeueCount_tries()
    {
        await using var run = await StartAsync("Strings", maxDequeueCount: 3);

        await run.Queue.SendMessageAsync("please fail");

        var poisoned = await Eventually.ReturnsAsync(
            () => FirstMessageAsync(run.Poison),
            body => body is not null, TimeSpan.FromSeconds(30), "the message in the poison queue");
        Assert.Equal("please fail", poisoned);
        Assert.Equal([1, 2, 3], run.Probe.Calls.Select(c => c.Number));
        Assert.Equal(0, (await run.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_message_that_succeeds_is_deleted_and_bound_as_a_POCO_from_base64_JSON()
    {
        await using var run = await StartAsync("Poco", maxDequeueCount: 3);

        await run.Queue.SendMessageAsync(JsonSerializer.Serialize(new { reference = "KC-2026-000042", lines = 3 }));

        await Eventually.ReturnsAsync(() => Task.FromResult<int?>(run.Probe.Calls.Count), n => n == 1, TimeSpan.FromSeconds(30), "one invocation");
        Assert.Equal(("KC-2026-000042", 3), run.Probe.Calls.Single());
        await Eventually.ReturnsAsync(async () => (int?)(await run.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount,
            n => n == 0, TimeSpan.FromSeconds(10), "the message to be deleted");
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_poison_at_once_unchanged()
    {
        await using var run = await StartAsync("Strings", maxDequeueCount: 5);
        var raw = run.RawQueue;

        await raw.SendMessageAsync("this is not base64!");

        var poisoned = await Eventually.ReturnsAsync(
            () => FirstMessageAsync(run.RawPoison),
            body => body is not null, TimeSpan.FromSeconds(30), "the message in the poison queue");
        Assert.Equal("this is not base64!", poisoned);
        Assert.Empty(run.Probe.Calls);
    }

    private static async Task<string?> FirstMessageAsync(QueueClient queue) =>
        await queue.ExistsAsync() ? (await queue.PeekMessagesAsync(1)).Value.SingleOrDefault()?.Body.ToString() : null;

    private async Task<Run> StartAsync(string functionName, int maxDequeueCount)
    {
        var method = typeof(TestFunctions).GetMethod(functionName)!;
        var entry = FunctionCatalogTests.Entry(functionName, $"{typeof(TestFunctions).FullName}.{functionName}",
            FunctionCatalogTests.Binding(method.GetParameters()[0].Name!, "queueTrigger", ("queueName", _queueName)));
        var function = FunctionCatalog.Load([entry], _ => typeof(TestFunctions).Assembly).Functions.Single();

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString })
            .Build();
        var probe = new QueueProbe();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(probe)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<FunctionInvoker>()
            .BuildServiceProvider();
        var options = new QueueTriggerOptions
        {
            MaxDequeueCount = maxDequeueCount,
            VisibilityTimeout = TimeSpan.Zero,
            MaxPollingInterval = TimeSpan.FromMilliseconds(200),
        };
        var listener = ActivatorUtilities.CreateInstance<QueueTriggerListener>(services, function, options);
        var base64 = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var plain = new QueueServiceClient(azurite.ConnectionString);
        var run = new Run(listener, services, probe,
            base64.GetQueueClient(_queueName), base64.GetQueueClient(_queueName + "-poison"),
            plain.GetQueueClient(_queueName), plain.GetQueueClient(_queueName + "-poison"));
        await run.Queue.CreateIfNotExistsAsync();
        await listener.StartAsync(CancellationToken.None);
        return run;
    }

    private sealed record Run(
        QueueTriggerListener Listener, ServiceProvider Services, QueueProbe Probe,
        QueueClient Queue, QueueClient Poison, QueueClient RawQueue, QueueClient RawPoison) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Listener.StopAsync(CancellationToken.None);
            await Queue.DeleteIfExistsAsync();
            await Poison.DeleteIfExistsAsync();
            await Services.DisposeAsync();
        }
    }
}
