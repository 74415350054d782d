using Bollebygd.Core.Access;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Registry;
using Bollebygd.Simulators;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Registry;

/// <summary>The app's services against Azurite and a Platina simulator of their own, on a free port.</summary>
public sealed class RegistryHarness : IAsyncDisposable
{
    public static readonly StaffUser Agent = new("agent-" + Guid.NewGuid().ToString("N")[..6], "Anna", null,
        new HashSet<StaffRole> { StaffRole.Agent }, new HashSet<string> { "kundtjanst" });

    public static readonly StaffUser Registrator = new("reg-" + Guid.NewGuid().ToString("N")[..6], "Rita", null,
        new HashSet<StaffRole> { StaffRole.Registrator }, new HashSet<string>());

    private RegistryHarness(SimulatorApp simulators, ServiceProvider services)
    {
        Simulators = simulators;
        Services = services;
    }

    public SimulatorApp Simulators { get; }

    public ServiceProvider Services { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<RegistryHarness> StartAsync(AzuriteFixture azurite, string clientSecret = "simulator-secret",
        Action<IServiceCollection>? configure = null)
    {
        var simulators = SimulatorApp.Create([], $"http://127.0.0.1:{FreePort.Next()}");
        await simulators.StartAsync();
        var services = AppServices.Build(azurite, configure, new Dictionary<string, string?>
        {
            ["Platina:BaseUrl"] = new Uri(simulators.BaseAddress, "/platina").ToString(),
            ["Platina:ClientId"] = "kontaktcenter-local",
            ["Platina:ClientSecretSetting"] = "PlatinaClientSecret",
            ["PlatinaClientSecret"] = clientSecret,
            ["Platina:BreakSeconds"] = "1",
            ["Platina:TimeoutSeconds"] = "5",
            ["Edp:BaseUrl"] = new Uri(simulators.BaseAddress, "/edp").ToString(),
            ["Edp:ApiKeySetting"] = "EdpApiKey",
            ["EdpApiKey"] = "simulator-api-key",
        });
        return new RegistryHarness(simulators, services);
    }

    public async Task<CaseRecord> NewCaseAsync(string title = "Fråga om parkering")
    {
        var done = Assert.IsType<CaseWorkOutcome.Done>(await Get<QuickRegistrationService>().RegisterAsync(Agent,
            new QuickRegistration(Guid.NewGuid().ToString(), Channel.Letter, "Eva Exempel", "eva@example.se", null, title,
                "Eva skriver om parkeringen vid Hultavägen 3. Personnummer 19811218-9876.", "kundtjanst", Close: false), CancellationToken.None));
        return done.Record;
    }

    /// <summary>Runs the outbox handler on the request until it is done, as the queue would (without its delays).</summary>
    public async Task<int> DrainAsync(RegistrationRequest request, int maxRounds = 60)
    {
        var service = Get<RegistrationService>();
        for (var round = 1; round <= maxRounds; round++)
        {
            if (await service.HandleAsync(request, CancellationToken.None) is not var (next, _))
            {
                return round;
            }
            request = next;
            await Task.Delay(150);
        }
        throw new InvalidOperationException($"Registration of {request.CaseId} was not done after {maxRounds} rounds.");
    }

    public async Task<Case> CaseAsync(string caseId) => (await Get<ICaseStore>().GetAsync(caseId, CancellationToken.None))!.Case;

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Simulators.DisposeAsync();
    }
}
