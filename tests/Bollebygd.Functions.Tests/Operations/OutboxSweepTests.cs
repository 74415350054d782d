using Bollebygd.Core.Cases;
using Bollebygd.Core.Operations;
using Bollebygd.Core.Registry;
using Bollebygd.Core.Utility;
using Bollebygd.Functions.Tests.Registry;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bollebygd.Functions.Tests.Operations;

/// <summary>
/// The outboxes' safety net: a registration asked for whose queue message never came (or was lost) is queued again
/// once a whole retry ladder has passed without a word; one that ended in a flag, or is done, is left alone.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class OutboxSweepTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_registration_whose_message_was_lost_is_queued_again_once_per_ladder_and_then_registered()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var queue = new CapturedOutboxes();
        await using var app = await RegistryHarness.StartAsync(azurite, configure: s => s
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IRegistrationQueue>(queue));
        var lost = await app.NewCaseAsync("Förlorad diarieföring");
        var flagged = await app.NewCaseAsync("Nekad diarieföring");
        var done = await app.NewCaseAsync("Klar diarieföring");
        time.Advance(TimeSpan.FromDays(2)); // cases that came in long ago, asked to be registered now
        foreach (var record in new[] { lost, flagged, done })
        {
            await app.Get<RegistrationService>().RequestAsync(RegistryHarness.Registrator, record.Case.Id, CancellationToken.None);
        }
        queue.Requests.Clear(); // the messages are lost
        app.Simulators.Platina.Faults.Set(new Simulators.SimulatedFaults(1, 400, null));
        await app.DrainAsync(new RegistrationRequest(flagged.Case.Id)); // refused: flagged, a person's to retry
        await app.DrainAsync(new RegistrationRequest(done.Case.Id));
        var sweeper = app.Get<OutboxSweeper>();

        time.Advance(TimeSpan.FromHours(13)); // still within the ladder: the message may be waiting its turn
        Assert.DoesNotContain(lost.Case.Id, await sweeper.SweepAsync(CancellationToken.None));

        time.Advance(TimeSpan.FromHours(1.5));
        var requeued = await sweeper.SweepAsync(CancellationToken.None);
        Assert.Contains(lost.Case.Id, requeued);
        Assert.DoesNotContain(flagged.Case.Id, requeued);
        Assert.DoesNotContain(done.Case.Id, requeued);
        Assert.Equal([lost.Case.Id], queue.Requests.Select(r => r.CaseId).Intersect([lost.Case.Id, flagged.Case.Id, done.Case.Id]));
        var timeline = (await app.Get<ICaseStore>().GetAsync(lost.Case.Id, CancellationToken.None))!.Timeline;
        Assert.Contains(timeline, e => e.Id.StartsWith(OutboxSweeper.RegistryRequeuedPrefix) && e.Text.Contains("köades igen"));

        // The next sweep does not queue it again: the ladder starts over from the requeue.
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.DoesNotContain(lost.Case.Id, await sweeper.SweepAsync(CancellationToken.None));

        await app.DrainAsync(queue.Requests.Single(r => r.CaseId == lost.Case.Id));
        Assert.NotNull((await app.CaseAsync(lost.Case.Id)).DiaryNumber);
        Assert.Single(app.Simulators.Platina.All(), c => c.ExternalReference == lost.Case.Reference.ToString());
    }

    [Fact]
    public async Task A_registration_that_never_moves_is_queued_again_twice_then_flagged_with_an_operator_alert()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var queue = new CapturedOutboxes();
        await using var app = await RegistryHarness.StartAsync(azurite, configure: s => s
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IRegistrationQueue>(queue));
        var record = await app.NewCaseAsync("Diarieföring som aldrig kommer fram");
        await app.Get<RegistrationService>().RequestAsync(RegistryHarness.Registrator, record.Case.Id, CancellationToken.None);
        var sweeper = app.Get<OutboxSweeper>();

        var rounds = new List<bool>();
        for (var round = 0; round < 4; round++)
        {
            time.Advance(OutboxSweeper.StalledAfter + TimeSpan.FromMinutes(1)); // every message lost again
            rounds.Add((await sweeper.SweepAsync(CancellationToken.None)).Contains(record.Case.Id));
        }

        Assert.Equal([true, true, false, false], rounds);
        Assert.Equal(1 + OutboxSweeper.MaxRequeues, queue.Requests.Count(r => r.CaseId == record.Case.Id));
        Assert.StartsWith("Diarieföringen i Platina har inte kommit vidare", (await app.CaseAsync(record.Case.Id)).Attention);
        Assert.Contains(await app.Get<IOperatorAlerts>().ListOpenAsync(CancellationToken.None),
            a => a.Kind == OperatorAlertKinds.RegistryFailed && a.Source.EndsWith(record.Case.Id));

        // A registrator asks again: a request of its own, swept again if its message is lost too.
        queue.Requests.Clear();
        await app.Get<RegistrationService>().RequestAsync(RegistryHarness.Registrator, record.Case.Id, CancellationToken.None);
        queue.Requests.Clear();
        time.Advance(OutboxSweeper.StalledAfter + TimeSpan.FromMinutes(1));
        Assert.Contains(record.Case.Id, await sweeper.SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_registration_last_heard_of_more_than_a_week_ago_is_flagged_not_sent_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var queue = new CapturedOutboxes();
        await using var app = await RegistryHarness.StartAsync(azurite, configure: s => s
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IRegistrationQueue>(queue));
        var record = await app.NewCaseAsync("Gammal diarieföring");
        await app.Get<RegistrationService>().RequestAsync(RegistryHarness.Registrator, record.Case.Id, CancellationToken.None);
        queue.Requests.Clear();

        time.Advance(OutboxSweeper.GiveUpAfter + TimeSpan.FromHours(1)); // the sweep was not running (a first deployment)
        Assert.DoesNotContain(record.Case.Id, await app.Get<OutboxSweeper>().SweepAsync(CancellationToken.None));

        Assert.DoesNotContain(queue.Requests, r => r.CaseId == record.Case.Id);
        Assert.StartsWith("Diarieföringen i Platina har inte kommit vidare", (await app.CaseAsync(record.Case.Id)).Attention);
    }

    [Fact]
    public async Task An_edp_request_whose_message_was_lost_is_queued_again_and_one_done_with_is_not()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var queue = new CapturedOutboxes();
        await using var app = await RegistryHarness.StartAsync(azurite, configure: s => s
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IUtilityQueue>(queue));
        var lost = await app.NewCaseAsync("Mätaravläsning");
        var answered = await app.NewCaseAsync("Mätaravläsning");
        foreach (var record in new[] { lost, answered })
        {
            // As the intake leaves an EDP case: the request on its timeline (the e-service is what makes it an EDP case).
            var edpCase = record.Case with { ServiceId = UtilityService.MeterReading };
            await app.Get<ICaseStore>().UpdateRetryingAsync(record.Case.Id, _ => edpCase,
                new TimelineEntry(UtilityService.RequestedEntryId, time.GetUtcNow(), TimelineEntryKind.Event, "system", "Skickas till EDP Future.", []),
                CancellationToken.None);
        }
        await app.Get<ICaseStore>().AppendRetryingAsync((await app.CaseAsync(answered.Case.Id)), new TimelineEntry(UtilityService.DoneEntryId,
            time.GetUtcNow(), TimelineEntryKind.Event, "system", "EDP Future tog emot ärendet.", []), null, CancellationToken.None);

        time.Advance(OutboxSweeper.StalledAfter + TimeSpan.FromMinutes(1));
        var requeued = await app.Get<OutboxSweeper>().SweepAsync(CancellationToken.None);

        Assert.Contains(lost.Case.Id, requeued);
        Assert.DoesNotContain(answered.Case.Id, requeued);
        Assert.Single(queue.UtilityRequests, r => r.CaseId == lost.Case.Id);
        Assert.DoesNotContain(queue.UtilityRequests, r => r.CaseId == answered.Case.Id);
    }

    /// <summary>Both outboxes' queues, captured: what a sweep queues, and nothing delivered (every message "lost").</summary>
    private sealed class CapturedOutboxes : IRegistrationQueue, IUtilityQueue
    {
        public List<RegistrationRequest> Requests { get; } = [];

        public List<UtilityRequest> UtilityRequests { get; } = [];

        public Task EnqueueAsync(RegistrationRequest request, TimeSpan? delay, CancellationToken cancellationToken) => Add(Requests, request);

        public Task EnqueueAsync(UtilityRequest request, TimeSpan? delay, CancellationToken cancellationToken) => Add(UtilityRequests, request);

        private static Task Add<T>(List<T> list, T item)
        {
            lock (list)
            {
                list.Add(item);
            }
            return Task.CompletedTask;
        }
    }
}
