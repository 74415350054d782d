using Bollebygd.Simulators.Registry;
using Bollebygd.Simulators.Utility;

namespace Bollebygd.Simulators;

/// <summary>
/// The simulators as one small web app — Platina under <c>/platina</c>, EDP Future under <c>/edp</c> — started by
/// ./run.sh (Program.cs) and by the tests, in their own process, on the address they are given. The credentials are
/// the emulator values of local.settings.sample.json, never real ones.
/// </summary>
public sealed class SimulatorApp(WebApplication app, PlatinaSimulator platina, EdpSimulator edp) : IAsyncDisposable
{
    public PlatinaSimulator Platina { get; } = platina;

    public EdpSimulator Edp { get; } = edp;

    public Uri BaseAddress => new(app.Urls.First());

    public static SimulatorApp Create(string[] args, string? url = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (url is not null)
        {
            builder.WebHost.UseUrls(url);
        }
        var settings = builder.Configuration.GetSection("Simulators");
        var platina = new PlatinaSimulator(settings["Platina:ClientId"] ?? "kontaktcenter-local", settings["Platina:ClientSecret"] ?? "simulator-secret");
        var edp = new EdpSimulator(settings["Edp:ApiKey"] ?? "simulator-api-key");
        var app = builder.Build();
        app.MapGet("/", () => "Bollebygd simulators: Platina at /platina, EDP Future at /edp.");
        app.MapPlatina(platina);
        app.MapEdp(edp);
        return new SimulatorApp(app, platina, edp);
    }

    public Task StartAsync() => app.StartAsync();

    public Task RunAsync() => app.RunAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
