using Bollebygd.Core.Audit;
using Bollebygd.Core.Operations;
using Microsoft.Extensions.Time.Testing;

namespace Bollebygd.Core.Tests.Operations;

public class DurableProbeRecorderTests
{
    [Fact]
    public async Task Each_step_leaves_one_audit_entry_keyed_by_instance_and_step()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var trail = new ListTrail();
        var recorder = new DurableProbeRecorder(trail, time);

        var at = await recorder.RecordAsync(new DurableProbeStep("probe-1", "started", "operator"), CancellationToken.None);

        Assert.Equal(time.GetUtcNow(), at);
        var entry = Assert.Single(trail.Entries);
        Assert.Equal("probe-1-started", entry.Id);
        Assert.Equal(DurableProbeRecorder.AuditAction, entry.Action);
        Assert.Equal("operator", entry.Actor);
        Assert.Empty(entry.Validate());
    }

    private sealed class ListTrail : IAuditTrail
    {
        public List<AuditEntry> Entries { get; } = [];

        public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
        {
            Entries.Add(entry);
            return Task.CompletedTask;
        }
    }
}
