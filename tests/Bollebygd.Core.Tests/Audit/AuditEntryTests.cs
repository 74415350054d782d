using Bollebygd.Core.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bollebygd.Core.Tests.Audit;

public class AuditEntryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_complete_entry_has_no_problems()
    {
        Assert.Empty(new AuditEntry("e1", At, "agent:anna", "read", "KC-2026-000001").Validate());
    }

    [Fact]
    public void Every_missing_field_is_named()
    {
        var errors = new AuditEntry("", default, " ", null!, "").Validate();

        Assert.Contains("Id is missing.", errors);
        Assert.Contains("Actor is missing.", errors);
        Assert.Contains("Action is missing.", errors);
        Assert.Contains("Subject is missing.", errors);
        Assert.Contains("OccurredAt is missing.", errors);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    public void An_id_that_cannot_be_a_table_key_is_refused(string id)
    {
        var errors = new AuditEntry(id, At, "system", "x", "y").Validate();
        Assert.Contains(errors, e => e.StartsWith("Id may not contain", StringComparison.Ordinal));
    }

    [Fact]
    public void Overlong_fields_are_refused()
    {
        var errors = new AuditEntry("e", At, new string('a', 257), "x", "y", new string('d', 4001)).Validate();
        Assert.Contains("Actor is longer than 256 characters.", errors);
        Assert.Contains("Detail is longer than 4000 characters.", errors);
    }

    [Fact]
    public async Task The_recorder_refuses_an_invalid_entry_and_stores_nothing()
    {
        var log = new InMemoryAuditLog();
        var recorder = new AuditRecorder(log, NullLogger<AuditRecorder>.Instance);

        var ex = await Assert.ThrowsAsync<InvalidAuditEntryException>(() =>
            recorder.AppendAsync(new AuditEntry("e", At, "", "read", "KC-1"), CancellationToken.None));

        Assert.Contains("Actor is missing.", ex.Errors);
        Assert.Empty(log.Entries);
    }

    [Fact]
    public async Task The_recorder_refuses_a_missing_entry()
    {
        var recorder = new AuditRecorder(new InMemoryAuditLog(), NullLogger<AuditRecorder>.Instance);
        await Assert.ThrowsAsync<InvalidAuditEntryException>(() => recorder.AppendAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task A_redelivered_entry_is_stored_once()
    {
        var log = new InMemoryAuditLog();
        var recorder = new AuditRecorder(log, NullLogger<AuditRecorder>.Instance);
        var entry = new AuditEntry("e1", At, "system", "read", "KC-1");

        Assert.True(await recorder.AppendAsync(entry, CancellationToken.None));
        Assert.False(await recorder.AppendAsync(entry, CancellationToken.None));
        Assert.Single(log.Entries);
    }

    private sealed class InMemoryAuditLog : IAuditLog
    {
        public Dictionary<string, AuditEntry> Entries { get; } = [];

        public Task<bool> AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
            Task.FromResult(Entries.TryAdd(entry.Id, entry));

        public Task<AuditEntry?> FindAsync(DateTimeOffset occurredAt, string id, CancellationToken cancellationToken) =>
            Task.FromResult(Entries.GetValueOrDefault(id));

        public Task<IReadOnlyList<AuditEntry>> ListBySubjectAsync(string subject, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AuditEntry>>(Entries.Values.Where(e => e.Subject == subject).OrderBy(e => e.OccurredAt).ToList());
    }
}
