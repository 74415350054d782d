using System.Net.Http.Json;
using Bollebygd.TestSupport;
using Microsoft.Playwright;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>
/// One LocalHost against one Azurite for the whole end-to-end collection, with settings that make the slow paths
/// quick: the poison monitor every 2 seconds, three tries before poison, no back-off between them; receipts go to
/// an smtp4dev of its own. The SLA calendar is open round the clock (a test run at night or on a holiday must see its
/// reminders), and cases in the category <see cref="MinutesCategory"/> get a policy measured in minutes.
/// </summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    public const int MaxDequeueCount = 3;

    /// <summary>The category whose SLA policy gives a first answer 1 minute, warned after 30 seconds.</summary>
    public const string MinutesCategory = "SLA-test i minuter";

    private readonly string _policyFile = Path.Combine(Path.GetTempPath(), $"e2e-sla-policies-{Guid.NewGuid():N}.json");

    public AzuriteFixture Azurite { get; } = new();

    public LocalHostProcess Host { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Smtp4Dev Mail { get; private set; } = null!;

    /// <summary>Platina and EDP Future stand-ins, in this process, on a port of their own.</summary>
    public Bollebygd.Simulators.SimulatorApp Simulators { get; private set; } = null!;

    private IPlaywright? _playwright;

    /// <summary>Debian's Chromium, shared by the collection; each test opens its own context.</summary>
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Mail = await Smtp4Dev.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(Browsers.ChromiumOptions());
        await WriteMinutesPolicyAsync();
        Simulators = Bollebygd.Simulators.SimulatorApp.Create([], $"http://127.0.0.1:{FreePort.Next()}");
        await Simulators.StartAsync();
        var port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        Host = LocalHostProcess.Start(new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = BaseAddress.ToString(),
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["PoisonQueueMonitorSchedule"] = "*/2 * * * * *",
            ["AzureFunctionsJobHost__extensions__queues__maxDequeueCount"] = MaxDequeueCount.ToString(),
            ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:00",
            ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.500",
            ["LocalHost__DurablePort"] = FreePort.Next().ToString(),
            ["Mail__SmtpHost"] = "127.0.0.1",
            ["Mail__SmtpPort"] = Mail.SmtpPort.ToString(),
            ["Imap__Host"] = "127.0.0.1",
            ["Imap__Port"] = Mail.ImapPort.ToString(),
            ["MailboxPollSchedule"] = "*/2 * * * * *",
            ["PublicBaseUrl"] = BaseAddress.ToString(),
            ["StaffAuth__Authority"] = BaseAddress.ToString().TrimEnd('/') + "/.dev-identity",
            ["LocalHost__DevelopmentIdentity__TestTokens"] = "true",
            ["Sla__PoliciesFile"] = _policyFile,
            ["Platina__BaseUrl"] = new Uri(Simulators.BaseAddress, "/platina").ToString(),
            ["Edp__BaseUrl"] = new Uri(Simulators.BaseAddress, "/edp").ToString(),
            ["Sla__OfficeHours"] = "Mon-Sun 00:00-24:00",
            ["Sla__PublicHolidays"] = "false",
            ["Sla__ClosedAftons"] = "false",
        });
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (Host.HasExited)
            {
                throw new InvalidOperationException($"LocalHost exited with {Host.ExitCode}:{Environment.NewLine}{Host.Output}");
            }
            try
            {
                if ((await Http.GetAsync("/api/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"LocalHost did not answer /api/health with 200 within 90 s:{Environment.NewLine}{Host.Output}");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>A token from LocalHost's development identity provider for one of its users (anna, sven, lena, rita, adam).</summary>
    public async Task<string> StaffTokenAsync(string user)
    {
        var response = await Http.PostAsync($"/.dev-identity/token?user={user}", null);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>An HTTP client to the running system signed in as one of the development identity's users.</summary>
    public async Task<HttpClient> StaffClientAsync(string user)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await StaffTokenAsync(user));
        return http;
    }

    /// <summary>The app's own policies, and one in minutes for <see cref="MinutesCategory"/>.</summary>
    private async Task WriteMinutesPolicyAsync()
    {
        var policies = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(
            Path.Combine(RepositoryPaths.Root, "functions", "Bollebygd.Functions", "Sla", "policies.json")))!;
        policies["policies"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""
            {
              "id": "minutes", "warnAt": 0.5, "pauseStatuses": ["AwaitingCitizen"], "noteCountsAsResponse": false,
              "times": { "Normal": { "firstResponseHours": 0.0166667, "nextResponseHours": 0.0166667, "resolutionHours": 1, "remissAnswerHours": 1 } },
              "ladder": [ { "notify": "Assignee", "afterHours": 0 } ],
              "delayNoticeAfterHours": 1
            }
            """));
        policies["byCategory"]![MinutesCategory] = "minutes";
        await File.WriteAllTextAsync(_policyFile, policies.ToJsonString());
    }

    public async Task DisposeAsync()
    {
        File.Delete(_policyFile);
        Http.Dispose();
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Host.DisposeAsync();
        await Mail.DisposeAsync();
        await Simulators.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
