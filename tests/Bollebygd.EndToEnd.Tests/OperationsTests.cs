using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Bollebygd.TestSupport;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>Every trigger kind through the running LocalHost: HTTP, queue (and its poison path), timer and durable.</summary>
[Collection(EndToEndCollection.Name)]
public class OperationsTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task Health_answers_200_with_storage_queues_blobs_durable_and_the_version()
    {
        var response = await fixture.Http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        // Platina and EDP Future (the simulators) are reported too.
        Assert.Equal(["tables", "queues", "blobs", "platina", "edp-future", "durable"],
            json.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task An_audit_entry_put_on_the_queue_lands_in_the_audit_log()
    {
        var id = "e2e-" + Guid.NewGuid().ToString("N");
        var occurredAt = DateTimeOffset.UtcNow;
        await Storage.Queue(fixture.Azurite, "audit").SendMessageAsync(JsonSerializer.Serialize(
            new { id, occurredAt, actor = "agent:anna", action = "read", subject = "KC-2026-000001" }));

        var row = await WaitForAuditRowAsync(occurredAt, id);

        Assert.Equal("agent:anna", row.GetString("Actor"));
        Assert.Equal("read", row.GetString("Action"));
    }

    [Fact]
    public async Task A_message_that_always_fails_ends_in_the_poison_queue_and_raises_an_operator_alert_until_cleared()
    {
        var id = "e2e-" + Guid.NewGuid().ToString("N");
        var body = JsonSerializer.Serialize(new { id, occurredAt = DateTimeOffset.UtcNow, actor = "", action = "read", subject = "KC-1" });
        await Storage.Queue(fixture.Azurite, "audit").SendMessageAsync(body);
        var poison = Storage.Queue(fixture.Azurite, "audit-poison");

        var poisoned = await Eventually.ReturnsAsync(
            async () => await poison.ExistsAsync()
                ? (await poison.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).FirstOrDefault(b => b.Contains(id, StringComparison.Ordinal))
                : null,
            found => found is not null, TimeSpan.FromSeconds(60), "the failing message in audit-poison");
        Assert.Equal(body, poisoned);
        Assert.Contains($"Executed 'Functions.AuditLogWriter' (Failed", fixture.Host.Output);
        Assert.Equal(LocalHostFixture.MaxDequeueCount, CountFailures(fixture.Host.Output));

        // The timer-triggered poison monitor turns it into an alert that operators see in /api/health ...
        await Eventually.ReturnsAsync(OpenAlertSourcesAsync, sources => sources!.Contains("audit-poison"), TimeSpan.FromSeconds(30), "an open alert for audit-poison");

        // ... until the poison queue is dealt with.
        await poison.ClearMessagesAsync();
        await Eventually.ReturnsAsync(OpenAlertSourcesAsync, sources => !sources!.Contains("audit-poison"), TimeSpan.FromSeconds(30), "the alert to resolve");
    }

    [Fact]
    public async Task The_durable_probe_started_over_HTTP_completes_after_its_timer_and_leaves_an_audit_trail()
    {
        var start = await fixture.Http.PostAsync("/api/health/probe?delaySeconds=1", null);

        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var statusUri = start.Headers.Location!.ToString();
        var status = await Eventually.ReturnsAsync(async () =>
        {
            using var json = JsonDocument.Parse(await fixture.Http.GetStringAsync(statusUri));
            return json.RootElement.Clone();
        }, s => s.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed", TimeSpan.FromSeconds(60), "the probe to finish");

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        var output = status.GetProperty("output");
        var startedAt = output.GetProperty("startedAt").GetDateTimeOffset();
        var dueAt = output.GetProperty("timerDueAt").GetDateTimeOffset();
        var resumedAt = output.GetProperty("resumedAt").GetDateTimeOffset();
        Assert.True(dueAt - startedAt >= TimeSpan.FromMilliseconds(950), $"timer due {dueAt:O} only {dueAt - startedAt} after the start");
        Assert.True(resumedAt >= dueAt);

        var instanceId = status.GetProperty("instanceId").GetString()!;
        await WaitForAuditRowAsync(startedAt, instanceId + "-started");
        await WaitForAuditRowAsync(resumedAt, instanceId + "-resumed");
    }

    [Fact]
    public async Task Status_of_an_unknown_probe_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync("/api/health/probe/probe-unknown")).StatusCode);
    }

    private async Task<TableEntity> WaitForAuditRowAsync(DateTimeOffset occurredAt, string id)
    {
        var table = Storage.Table(fixture.Azurite, "AuditLog");
        return await Eventually.ReturnsAsync(async () =>
        {
            await table.CreateIfNotExistsAsync();
            var found = await table.GetEntityIfExistsAsync<TableEntity>(occurredAt.UtcDateTime.ToString("yyyyMMdd"), id);
            return found.HasValue ? found.Value : null;
        }, row => row is not null, TimeSpan.FromSeconds(30), $"audit row {id}");
    }

    private async Task<List<string>?> OpenAlertSourcesAsync()
    {
        using var json = JsonDocument.Parse(await fixture.Http.GetStringAsync("/api/health"));
        return json.RootElement.GetProperty("openAlerts").EnumerateArray().Select(a => a.GetProperty("source").GetString()!).ToList();
    }

    private static int CountFailures(string output) =>
        output.Split('\n').Count(line => line.Contains("Executed 'Functions.AuditLogWriter' (Failed", StringComparison.Ordinal));
}
