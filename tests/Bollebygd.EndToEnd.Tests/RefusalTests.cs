using Bollebygd.TestSupport;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>LocalHost refuses to start, saying why, rather than run with a function silently missing.</summary>
public class RefusalTests
{
    [Fact]
    public async Task A_function_with_a_binding_LocalHost_cannot_host_stops_start_up()
    {
        var app = Directory.CreateTempSubdirectory("unhostable-");
        File.Copy(Path.Combine(RepositoryPaths.FunctionAppOutput, "host.json"), Path.Combine(app.FullName, "host.json"));
        File.WriteAllText(Path.Combine(app.FullName, "functions.metadata"), """
            [{ "name": "ThumbnailMaker", "scriptFile": "Bollebygd.Functions.dll",
               "entryPoint": "Bollebygd.Functions.Operations.HealthFunction.Run",
               "bindings": [{ "name": "blob", "direction": "In", "type": "blobTrigger", "path": "uploads/{name}" }] }]
            """);

        await using var host = LocalHostProcess.Start(new Dictionary<string, string?>
        {
            ["LocalHost__FunctionAppPath"] = app.FullName,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
        });

        Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(60)), "LocalHost kept running:" + Environment.NewLine + host.Output);
        Assert.Equal(2, host.ExitCode);
        Assert.Contains("LocalHost cannot host these functions", host.Output);
        Assert.Contains("ThumbnailMaker: trigger type 'blobTrigger' is not supported", host.Output);
        app.Delete(recursive: true);
    }

    [Fact]
    public async Task A_timer_whose_schedule_setting_is_missing_stops_start_up()
    {
        await using var host = LocalHostProcess.Start(new Dictionary<string, string?>
        {
            ["LocalHost__SettingsFile"] = Path.Combine(Path.GetTempPath(), "no-such-local.settings.json"),
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
        });

        Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(60)), "LocalHost kept running:" + Environment.NewLine + host.Output);
        Assert.Equal(2, host.ExitCode);
        Assert.Contains("PoisonQueueMonitor: The app setting 'PoisonQueueMonitorSchedule'", host.Output);
    }
}
