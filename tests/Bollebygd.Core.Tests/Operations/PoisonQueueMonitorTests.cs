using Bollebygd.Core.Operations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bollebygd.Core.Tests.Operations;

public class PoisonQueueMonitorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryOperatorAlerts _alerts = new();
    private readonly Inspector _inspector = new();

    private PoisonQueueMonitor Monitor => new(_inspector, _alerts, _time, NullLogger<PoisonQueueMonitor>.Instance);

    [Fact]
    public async Task A_poison_queue_with_messages_raises_an_alert()
    {
        _inspector.Counts = [new("audit-poison", 2), new("intake-poison", 0)];

        var raised = await Monitor.ScanAsync(CancellationToken.None);

        var alert = Assert.Single(raised);
        Assert.Equal("audit-poison", alert.Source);
        Assert.Equal(OperatorAlertKinds.PoisonMessages, alert.Kind);
        Assert.Equal(2, alert.Count);
        Assert.Equal(_time.GetUtcNow(), alert.FirstSeen);
        Assert.Equal(["audit-poison"], _alerts.Open.Keys);
    }

    [Fact]
    public async Task A_standing_alert_keeps_when_it_was_first_seen()
    {
        _inspector.Counts = [new("audit-poison", 1)];
        await Monitor.ScanAsync(CancellationToken.None);
        var first = _time.GetUtcNow();

        _time.Advance(TimeSpan.FromMinutes(5));
        _inspector.Counts = [new("audit-poison", 3)];
        await Monitor.ScanAsync(CancellationToken.None);

        var alert = _alerts.Open["audit-poison"];
        Assert.Equal(first, alert.FirstSeen);
        Assert.Equal(_time.GetUtcNow(), alert.LastSeen);
        Assert.Equal(3, alert.Count);
    }

    [Fact]
    public async Task An_emptied_or_deleted_poison_queue_resolves_its_alert()
    {
        _inspector.Counts = [new("audit-poison", 1), new("mail-poison", 1)];
        await Monitor.ScanAsync(CancellationToken.None);

        _inspector.Counts = [new("audit-poison", 0)];
        var raised = await Monitor.ScanAsync(CancellationToken.None);

        Assert.Empty(raised);
        Assert.Empty(_alerts.Open);
    }

    private sealed class Inspector : IPoisonQueueInspector
    {
        public IReadOnlyList<PoisonQueueCount> Counts { get; set; } = [];

        public Task<IReadOnlyList<PoisonQueueCount>> CountPoisonMessagesAsync(CancellationToken cancellationToken) =>
            Task.FromResult(Counts);
    }
}
