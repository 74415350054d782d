using Bollebygd.Core.Operations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bollebygd.Core.Tests.Operations;

public class HealthServiceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryOperatorAlerts _alerts = new();

    private HealthService Service(params IHealthProbe[] probes) =>
        new(probes, _alerts, _time, NullLogger<HealthService>.Instance);

    [Fact]
    public async Task Healthy_when_every_probe_answers_and_lists_open_alerts()
    {
        var alert = new OperatorAlert("audit-poison", OperatorAlertKinds.PoisonMessages, "1 message", 1, _time.GetUtcNow(), _time.GetUtcNow());
        await _alerts.RaiseAsync(alert, CancellationToken.None);

        var report = await Service(new Probe("tables"), new Probe("queues")).CheckAsync([new Probe("durable")], CancellationToken.None);

        Assert.True(report.IsHealthy);
        Assert.Equal(["tables", "queues", "durable"], report.Checks.Select(c => c.Name));
        Assert.All(report.Checks, c => Assert.Null(c.Error));
        Assert.Equal([alert], report.OpenAlerts);
        Assert.Equal(_time.GetUtcNow(), report.CheckedAt);
        Assert.False(string.IsNullOrEmpty(report.Version));
    }

    [Fact]
    public async Task One_failing_probe_makes_the_whole_unhealthy_and_says_why()
    {
        var report = await Service(new Probe("tables"), new Probe("queues", new InvalidOperationException("Connection refused\nstack")))
            .CheckAsync([], CancellationToken.None);

        Assert.False(report.IsHealthy);
        Assert.Equal(HealthReport.UnhealthyStatus, report.Status);
        var failed = Assert.Single(report.Checks, c => !c.Healthy);
        Assert.Equal("queues", failed.Name);
        Assert.Equal("InvalidOperationException: Connection refused", failed.Error);
    }

    [Fact]
    public async Task An_external_system_down_makes_the_report_degraded_but_still_able_to_take_work()
    {
        var report = await Service(new Probe("tables"), new Probe("platina", new HttpRequestException("Connection refused")) { IsCritical = false })
            .CheckAsync([], CancellationToken.None);

        Assert.True(report.IsHealthy); // 200: intake goes on, the registrations wait in their outbox
        Assert.Equal(HealthReport.DegradedStatus, report.Status);
        Assert.Equal(("platina", false, false), report.Checks.Where(c => !c.Healthy).Select(c => (c.Name, c.Healthy, c.Critical)).Single());
    }

    [Fact]
    public async Task A_probe_that_does_not_answer_in_time_counts_as_down()
    {
        var hanging = new HangingProbe();
        var check = Service(hanging).CheckAsync([], CancellationToken.None);
        await hanging.Started.Task;

        _time.Advance(HealthService.ProbeTimeout + TimeSpan.FromSeconds(1));
        var report = await check;

        Assert.False(report.IsHealthy);
        Assert.Equal("no answer within 5 s", report.Checks.Single().Error);
    }

    private sealed class Probe(string name, Exception? failure = null) : IHealthProbe
    {
        public string Name => name;

        public bool IsCritical { get; init; } = true;

        public bool Critical => IsCritical;

        public Task CheckAsync(CancellationToken cancellationToken) =>
            failure is null ? Task.CompletedTask : Task.FromException(failure);
    }

    private sealed class HangingProbe : IHealthProbe
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "hanging";

        public Task CheckAsync(CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            return new TaskCompletionSource().Task;
        }
    }
}
