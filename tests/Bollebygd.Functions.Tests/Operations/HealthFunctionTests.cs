using System.Text.Json;
using Bollebygd.Core.Operations;
using Bollebygd.Functions.Operations;
using Bollebygd.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Operations;

[Collection(StorageCollection.Name)]
public class HealthFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Answers_200_when_storage_and_durable_answer()
    {
        using var services = AppServices.Build(azurite);
        await using var durable = await DurableTaskTestHost.StartAsync(_ => { }, new DurableTaskTestHostOptions { Port = FreePort.Next() });

        var result = await Run(services, durable);

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
        var report = Assert.IsType<HealthReport>(result.Value);
        Assert.Equal(["tables", "queues", "blobs", "durable"], report.Checks.Select(c => c.Name));
        Assert.All(report.Checks, c => Assert.True(c.Healthy, c.Name + ": " + c.Error));
        Assert.Equal(HealthService.Version, report.Version);
    }

    [Fact]
    public async Task Answers_503_naming_what_is_down_when_storage_is_unreachable()
    {
        using var services = AppServices.Build(AppServices.UnreachableStorage());
        await using var durable = await DurableTaskTestHost.StartAsync(_ => { }, new DurableTaskTestHostOptions { Port = FreePort.Next() });

        var result = await Run(services, durable);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, result.StatusCode);
        var report = Assert.IsType<HealthReport>(result.Value);
        Assert.Equal("unhealthy", report.Status);
        Assert.All(report.Checks.Where(c => c.Name != "durable"), c => Assert.False(c.Healthy));
        Assert.True(report.Checks.Single(c => c.Name == "durable").Healthy);
        Assert.Contains("\"status\":\"unhealthy\"", JsonSerializer.Serialize(report, JsonSerializerOptions.Web));
    }

    [Fact]
    public async Task Answers_200_degraded_naming_platina_and_edp_when_they_are_down()
    {
        var nowhere = $"http://127.0.0.1:{FreePort.Next()}";
        using var services = AppServices.Build(azurite, settings: new Dictionary<string, string?>
        {
            ["Platina:BaseUrl"] = nowhere + "/platina", ["Platina:TimeoutSeconds"] = "1", ["Edp:BaseUrl"] = nowhere + "/edp", ["Edp:TimeoutSeconds"] = "1",
        });
        await using var durable = await DurableTaskTestHost.StartAsync(_ => { }, new DurableTaskTestHostOptions { Port = FreePort.Next() });

        var result = await Run(services, durable);

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
        var report = Assert.IsType<HealthReport>(result.Value);
        Assert.Equal(HealthReport.DegradedStatus, report.Status);
        Assert.Equal(["edp-future", "platina"], report.Checks.Where(c => !c.Healthy).Select(c => c.Name).Order());
    }

    private static async Task<ObjectResult> Run(IServiceProvider services, DurableTaskTestHost durable)
    {
        var function = ActivatorUtilities.CreateInstance<HealthFunction>(services);
        var http = new DefaultHttpContext();
        var result = await function.Run(http.Request, durable.Client, CancellationToken.None);
        Assert.Equal("no-store", http.Response.Headers.CacheControl.ToString());
        return Assert.IsType<ObjectResult>(result);
    }
}
