using System.Text.Json;
using Azure.Storage.Queues;
using Bollebygd.Core.Audit;
using Bollebygd.Core.Operations;
using Bollebygd.Core.Storage;
using Bollebygd.Functions.Operations;
using Bollebygd.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bollebygd.Functions.Tests.Operations;

[Collection(StorageCollection.Name)]
public class DurableProbeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_probe_runs_an_activity_waits_its_durable_timer_and_runs_the_activity_again()
    {
        using var services = AppServices.Build(azurite);
        await using var durable = await StartDurableAsync(services);
        var delay = TimeSpan.FromMilliseconds(500);

        var instanceId = await durable.Client.ScheduleNewOrchestrationInstanceAsync(
            DurableProbeOrchestrator.Name, new DurableProbeRequest(delay, "operator"));
        var done = await durable.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true,
            new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var result = done.ReadOutputAs<DurableProbeResult>()!;
        Assert.True(result.TimerDueAt - result.StartedAt >= delay - TimeSpan.FromMilliseconds(50), $"timer due {result.TimerDueAt:O}, started {result.StartedAt:O}");
        Assert.True(result.ResumedAt >= result.TimerDueAt, "the orchestration resumed before its timer was due");

        // Each step handed an audit entry to the audit queue.
        var queued = await AuditMessagesFor(services, instanceId);
        Assert.Equal([$"{instanceId}-started", $"{instanceId}-resumed"], queued.Select(e => e.Id).Order().Reverse());
    }

    [Fact]
    public async Task Start_answers_202_with_a_status_link_that_reports_the_instance()
    {
        using var services = AppServices.Build(azurite);
        await using var durable = await StartDurableAsync(services);
        var functions = new DurableProbeFunctions(NullLogger<DurableProbeFunctions>.Instance);
        var start = new DefaultHttpContext();
        start.Request.QueryString = new QueryString("?delaySeconds=0.2");

        var accepted = Assert.IsType<AcceptedResult>(await functions.Start(start.Request, durable.Client, CancellationToken.None));

        var location = start.Response.Headers.Location.ToString();
        Assert.Equal(accepted.Location, location);
        var instanceId = location.Split('/').Last();
        await durable.Client.WaitForInstanceCompletionAsync(instanceId, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        var status = Assert.IsType<OkObjectResult>(await functions.Status(new DefaultHttpContext().Request, instanceId, durable.Client, CancellationToken.None));
        var json = JsonSerializer.SerializeToElement(status.Value, JsonSerializerOptions.Web);
        Assert.Equal("Completed", json.GetProperty("runtimeStatus").GetString());
        Assert.True(json.GetProperty("output").TryGetProperty("timerLag", out _));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("301")]
    public async Task Start_refuses_a_bad_delay_field_by_field_and_starts_nothing(string delay)
    {
        await using var durable = await DurableTaskTestHost.StartAsync(_ => { }, new DurableTaskTestHostOptions { Port = FreePort.Next() });
        var functions = new DurableProbeFunctions(NullLogger<DurableProbeFunctions>.Instance);
        var http = new DefaultHttpContext();
        http.Request.QueryString = QueryString.Create("delaySeconds", delay);

        var result = Assert.IsType<BadRequestObjectResult>(await functions.Start(http.Request, durable.Client, CancellationToken.None));

        var problem = Assert.IsType<ValidationProblemDetails>(result.Value);
        Assert.Equal(["Ange ett antal sekunder mellan 0 och 300."], problem.Errors["delaySeconds"]);
        var page = durable.Client.GetAllInstancesAsync(new OrchestrationQuery());
        Assert.False(await page.GetAsyncEnumerator().MoveNextAsync());
    }

    [Theory]
    [InlineData("probe-doesnotexist")]
    [InlineData("sla-KC-2026-000001")]
    public async Task Status_of_an_unknown_or_foreign_instance_is_404(string instanceId)
    {
        await using var durable = await DurableTaskTestHost.StartAsync(_ => { }, new DurableTaskTestHostOptions { Port = FreePort.Next() });
        var functions = new DurableProbeFunctions(NullLogger<DurableProbeFunctions>.Instance);

        Assert.IsType<NotFoundResult>(await functions.Status(new DefaultHttpContext().Request, instanceId, durable.Client, CancellationToken.None));
    }

    private static Task<DurableTaskTestHost> StartDurableAsync(IServiceProvider services) =>
        DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc<DurableProbeRequest, DurableProbeResult>(DurableProbeOrchestrator.Name,
                (context, request) => DurableProbeOrchestrator.RunOrchestration(context, request));
            registry.AddActivityFunc<DurableProbeStep, DateTimeOffset>(DurableProbeActivities.RecordStep,
                (_, step) => ActivatorUtilities.CreateInstance<DurableProbeActivities>(services).RecordStepAsync(step, CancellationToken.None));
        }, new DurableTaskTestHostOptions { Port = FreePort.Next() });

    private static async Task<List<AuditEntry>> AuditMessagesFor(IServiceProvider services, string instanceId)
    {
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.Audit);
        var found = new List<AuditEntry>();
        foreach (var message in (await queue.PeekMessagesAsync(32)).Value)
        {
            var entry = message.Body.ToObjectFromJson<AuditEntry>(JsonSerializerOptions.Web);
            if (entry?.Subject == instanceId)
            {
                found.Add(entry);
            }
        }
        return found;
    }
}
