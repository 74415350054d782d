using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Bollebygd.Adapters.Events;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Events;
using Bollebygd.Core.Storage;
using Bollebygd.Functions.Tests.Registry;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Events;

/// <summary>
/// Case events on Service Bus: each of created, registered and closed published once under a stable id, sent again
/// under the same id after a failure, nothing at all when no namespace is configured; the messages as a subscriber
/// receives them (the SDK's model factory stands in for the topic).
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class CaseEventsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_case_is_told_created_registered_closed_and_closed_again_after_reopening_each_once()
    {
        var bus = new CapturedBus();
        await using var services = Build(bus);
        var id = await NewCaseAsync(services);
        var publisher = services.GetRequiredService<CaseEventPublisher>();

        Assert.Equal([CaseEventTypes.Created], (await publisher.PublishAsync(id, CancellationToken.None)).Select(e => e.Type));
        Assert.Empty(await publisher.PublishAsync(id, CancellationToken.None)); // redelivered

        await ChangeAsync(services, id, c => c with { DiaryNumber = "KS 2026/7", PlatinaId = 7 }, "diarie");
        await ChangeAsync(services, id, c => c with { Status = CaseStatus.Closed }, "stang");
        var both = await publisher.PublishAsync(id, CancellationToken.None);
        Assert.Equal([CaseEventTypes.Registered, CaseEventTypes.Closed], both.Select(e => e.Type));
        Assert.Equal("KS 2026/7", both[0].DiaryNumber);
        Assert.Equal($"{id}.closed-1", both[1].Id);

        await ChangeAsync(services, id, c => c with { Status = CaseStatus.InProgress }, "ateroppna");
        Assert.Empty(await publisher.PublishAsync(id, CancellationToken.None));
        await ChangeAsync(services, id, c => c with { Status = CaseStatus.Closed }, "stang-igen");
        Assert.Equal([$"{id}.closed-2"], (await publisher.PublishAsync(id, CancellationToken.None)).Select(e => e.Id));

        Assert.Equal([$"{id}.created", $"{id}.registered", $"{id}.closed-1", $"{id}.closed-2"], bus.Published.Select(e => e.Id));
    }

    [Fact]
    public async Task Handlers_of_the_same_case_at_once_never_set_its_ledger_back()
    {
        var bus = new CapturedBus { Delay = TimeSpan.FromMilliseconds(20) };
        await using var services = Build(bus);
        var id = await NewCaseAsync(services);
        var publisher = services.GetRequiredService<CaseEventPublisher>();

        // Some handlers read the open case, some the closed one, all at once.
        var running = Enumerable.Range(0, 6).Select(_ => Task.Run(() => publisher.PublishAsync(id, CancellationToken.None))).ToList();
        await ChangeAsync(services, id, c => c with { Status = CaseStatus.Closed }, "stang");
        running.AddRange(Enumerable.Range(0, 6).Select(_ => Task.Run(() => publisher.PublishAsync(id, CancellationToken.None))));
        await Task.WhenAll(running);
        await publisher.PublishAsync(id, CancellationToken.None);

        Assert.Equal([$"{id}.closed-1", $"{id}.created"], bus.Published.Select(e => e.Id).Distinct().Order());
        await ChangeAsync(services, id, c => c with { Status = CaseStatus.InProgress }, "ateroppna");
        await publisher.PublishAsync(id, CancellationToken.None);
        await ChangeAsync(services, id, c => c with { Status = CaseStatus.Closed }, "stang-igen");
        Assert.Equal([$"{id}.closed-2"], (await publisher.PublishAsync(id, CancellationToken.None)).Select(e => e.Id));
    }

    [Fact]
    public async Task Events_that_could_not_be_sent_are_sent_again_under_the_same_ids()
    {
        var bus = new CapturedBus { FailNext = true };
        await using var services = Build(bus);
        var id = await NewCaseAsync(services);
        var publisher = services.GetRequiredService<CaseEventPublisher>();

        await Assert.ThrowsAsync<ServiceBusException>(() => publisher.PublishAsync(id, CancellationToken.None));
        var sent = await publisher.PublishAsync(id, CancellationToken.None);

        Assert.Equal([$"{id}.created"], sent.Select(e => e.Id));
        Assert.Single(bus.Published);
    }

    [Fact]
    public async Task Without_a_namespace_nothing_is_queued_or_published_and_cases_work_as_ever()
    {
        await using var services = AppServices.Build(azurite);
        var id = await NewCaseAsync(services);

        Assert.False(services.GetRequiredService<ICaseEventBus>().Enabled);
        Assert.Empty(await services.GetRequiredService<CaseEventPublisher>().PublishAsync(id, CancellationToken.None));
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.CaseEvents);
        if (await queue.ExistsAsync())
        {
            var waiting = await queue.PeekMessagesAsync(32);
            Assert.DoesNotContain(waiting.Value, m => m.Body.ToString().Contains(id));
        }
    }

    [Fact]
    public async Task The_topic_gets_one_batch_of_json_messages_a_subscriber_reads_back_by_the_model_factory()
    {
        var sender = new FactorySender();
        var bus = new ServiceBusCaseEventBus(sender);
        var at = new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
        CaseEvent[] events =
        [
            new("c1.created", CaseEventTypes.Created, "c1", "KC-2026-00042", at, "kundtjanst", "felanmalan-gata", null),
            new("c1.registered", CaseEventTypes.Registered, "c1", "KC-2026-00042", at.AddHours(1), "kundtjanst", "felanmalan-gata", "KS 2026/12"),
        ];

        await bus.PublishAsync(events, CancellationToken.None);

        var batch = Assert.Single(sender.Batches);
        Assert.Equal(["c1.created", "c1.registered"], batch.Select(m => m.MessageId));
        Assert.All(batch, m => Assert.Equal(("application/json", "c1"), (m.ContentType, m.CorrelationId)));
        Assert.Equal(CaseEventTypes.Registered, batch[1].Subject);
        Assert.Equal("kundtjanst", batch[1].ApplicationProperties["group"]);
        Assert.Contains("\"diaryNumber\":\"KS 2026/12\"", batch[1].Body.ToString());

        var received = ServiceBusModelFactory.ServiceBusReceivedMessage(body: batch[1].Body, messageId: batch[1].MessageId,
            subject: batch[1].Subject, correlationId: batch[1].CorrelationId, contentType: batch[1].ContentType);
        Assert.Equal(events[1], ServiceBusCaseEventBus.FromMessage(received));
    }

    private ServiceProvider Build(CapturedBus bus) =>
        AppServices.Build(azurite, s => s.AddSingleton<ICaseEventBus>(bus), new Dictionary<string, string?>
        {
            ["CaseEvents:FullyQualifiedNamespace"] = "sb-test.servicebus.windows.net",
        });

    private static async Task<string> NewCaseAsync(ServiceProvider services)
    {
        var done = Assert.IsType<CaseWorkOutcome.Done>(await services.GetRequiredService<QuickRegistrationService>().RegisterAsync(RegistryHarness.Agent,
            new QuickRegistration(Guid.NewGuid().ToString(), Channel.Phone, "Eva Exempel", "eva@example.se", null, "Fråga om sophämtning",
                "Eva undrar när soporna hämtas.", "kundtjanst", Close: false), CancellationToken.None));
        return done.Record.Case.Id;
    }

    private static Task ChangeAsync(ServiceProvider services, string id, Func<Case, Case> change, string entryId) =>
        services.GetRequiredService<ICaseStore>().UpdateRetryingAsync(id, change,
            new TimelineEntry(entryId, DateTimeOffset.UtcNow, TimelineEntryKind.Event, "test", entryId, []), CancellationToken.None);

    private sealed class CapturedBus : ICaseEventBus
    {
        public bool FailNext { get; set; }

        public TimeSpan Delay { get; init; }

        public List<CaseEvent> Published { get; } = [];

        public bool Enabled => true;

        public async Task PublishAsync(IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new ServiceBusException("The namespace is unreachable.", ServiceBusFailureReason.ServiceCommunicationProblem);
            }
            await Task.Delay(Delay, cancellationToken);
            lock (Published)
            {
                Published.AddRange(events);
            }
        }
    }

    /// <summary>A sender whose batches come from the SDK's model factory, as the SDK documents for tests.</summary>
    private sealed class FactorySender : ServiceBusSender
    {
        private readonly List<ServiceBusMessage> _store = [];

        public List<List<ServiceBusMessage>> Batches { get; } = [];

        public override ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(CancellationToken cancellationToken = default)
        {
            _store.Clear();
            return ValueTask.FromResult(ServiceBusModelFactory.ServiceBusMessageBatch(256 * 1024, _store));
        }

        public override Task SendMessagesAsync(ServiceBusMessageBatch messageBatch, CancellationToken cancellationToken = default)
        {
            Batches.Add([.. _store]);
            return Task.CompletedTask;
        }
    }
}
