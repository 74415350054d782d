using System.Collections.Concurrent;
using Bollebygd.Core.Access;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Sla;
using Bollebygd.Core.Remiss;
using Bollebygd.Functions.Remiss;
using Bollebygd.Functions.Sla;
using Bollebygd.TestSupport;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests;

/// <summary>
/// The app's services against Azurite with a policy measured in seconds and a calendar open round the clock, the
/// CaseSla and Remiss workflows on the in-process Durable Task host, case changes signalled straight to the SLA
/// workflow (as the case-changed queue's trigger does), and the mail the app queued.
/// </summary>
public sealed class CaseWorkflowHarness : IAsyncDisposable
{
    /// <summary>
    /// First answer in 8 s, warned at half; the ladder 0 s, 3 s, 6 s after a breach; resolution in 2 min; a remiss
    /// answered within 10 s (reminded at 7.5 s).
    /// </summary>
    public const string PolicyJson = """
        {
          "default": "seconds",
          "policies": [{
            "id": "seconds", "warnAt": 0.5, "pauseStatuses": ["AwaitingCitizen"], "noteCountsAsResponse": false,
            "times": { "Normal": { "firstResponseHours": 0.0022222, "nextResponseHours": 0.0022222, "resolutionHours": 0.0333, "remissAnswerHours": 0.0027778 } },
            "ladder": [ { "notify": "Assignee", "afterHours": 0 }, { "notify": "Lead", "afterHours": 0.00083333 }, { "notify": "Supervisor", "afterHours": 0.0016667 } ],
            "delayNoticeAfterHours": 1
          }],
          "byService": {}, "byCategory": {}, "byGroup": {}
        }
        """;

    public const string SupervisorAddress = "chefen@bollebygd.se";

    private readonly string _policyFile;

    private CaseWorkflowHarness(ServiceProvider services, DurableTaskTestHost durable, string policyFile, CapturedMail mail)
    {
        Services = services;
        Durable = durable;
        _policyFile = policyFile;
        Mail = mail;
    }

    public ServiceProvider Services { get; }

    public DurableTaskTestHost Durable { get; }

    public DurableTaskClient Client => Durable.Client;

    public CapturedMail Mail { get; }

    public string Group { get; } = "kundtjanst";

    /// <param name="signalling">
    /// True: case changes reach the workflow at once. False: they go to the real case-changed queue, which nothing reads.
    /// </param>
    public static async Task<CaseWorkflowHarness> StartAsync(AzuriteFixture azurite, bool signalling = true)
    {
        var policyFile = Path.Combine(Path.GetTempPath(), $"sla-policies-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(policyFile, PolicyJson);
        var mail = new CapturedMail();
        var signals = new DirectSignals();
        var services = AppServices.Build(azurite, s =>
        {
            s.AddSingleton<IOutgoingMailQueue>(mail);
            if (signalling)
            {
                s.AddSingleton<ICaseSignals>(signals);
            }
        }, new Dictionary<string, string?>
        {
            [SlaPolicyDefinitions.FileSetting] = policyFile,
            ["Sla:OfficeHours"] = "Mon-Sun 00:00-24:00",
            ["Sla:PublicHolidays"] = "false",
            ["Sla:ClosedAftons"] = "false",
            ["Sla:Supervisors:kundtjanst:Address"] = SupervisorAddress,
            ["Sla:Supervisors:kundtjanst:Name"] = "Kundtjänstchefen",
        });
        var durable = await DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc<CaseSlaState, CaseSlaState>(CaseSlaOrchestrator.Name,
                (context, state) => CaseSlaOrchestrator.RunOrchestration(context, state));
            registry.AddActivityFunc<CaseSlaState, CaseSlaStep>(CaseSlaActivities.Evaluate,
                (_, state) => ActivatorUtilities.CreateInstance<CaseSlaActivities>(services).EvaluateAsync(state, CancellationToken.None));
            registry.AddOrchestratorFunc<RemissRef, string>(RemissOrchestrator.Name,
                (context, remiss) => RemissOrchestrator.RunOrchestration(context, remiss));
            registry.AddActivityFunc<RemissRef, RemissStep>(RemissActivities.FollowUp,
                (_, remiss) => ActivatorUtilities.CreateInstance<RemissActivities>(services).FollowUpAsync(remiss, CancellationToken.None));
        }, new DurableTaskTestHostOptions { Port = FreePort.Next() });
        signals.Connect(services.GetRequiredService<CaseSlaInstances>(), durable.Client);
        return new CaseWorkflowHarness(services, durable, policyFile, mail);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A staff member who has signed in (so the directory knows their address).</summary>
    public async Task<StaffUser> SignInAsync(string name, StaffRole role)
    {
        var id = name.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..6];
        var user = new StaffUser(id, name, $"{id}@bollebygd.se", new HashSet<StaffRole> { role }, new HashSet<string> { Group, "triage" });
        await Get<IStaffDirectory>().RecordAsync(user, CancellationToken.None);
        return user;
    }

    /// <summary>A case registered by <paramref name="user"/> and assigned to them, open.</summary>
    public async Task<CaseRecord> RegisterAsync(StaffUser user)
    {
        var done = Assert.IsType<CaseWorkOutcome.Done>(await Get<QuickRegistrationService>().RegisterAsync(user,
            new QuickRegistration(Guid.NewGuid().ToString(), Channel.Phone, "Eva Exempel", "eva@example.se", null, "Fråga om sophämtning",
                "Eva ringde och undrar när soporna hämtas.", Group, Close: false), CancellationToken.None));
        return done.Record;
    }

    public async Task<CaseRecord> ChangeAsync(StaffUser user, string caseId, CaseChange change)
    {
        var current = (await Get<ICaseStore>().GetAsync(caseId, CancellationToken.None))!;
        return Assert.IsType<CaseWorkOutcome.Done>(await Get<CaseWorkService>().ChangeAsync(user, caseId, current.Case.ETag, change,
            CancellationToken.None)).Record;
    }

    public async Task ReplyAsync(StaffUser user, string caseId) =>
        Assert.IsType<CaseWorkOutcome.Done>(await Get<CaseWorkService>().ReplyAsync(user, caseId, Guid.NewGuid().ToString("N"),
            "Hej Eva! Soporna hämtas på tisdagar.", ReplyChannel.Email, CancellationToken.None));

    public Task<OrchestrationMetadata?> InstanceAsync(string caseId) =>
        Client.GetInstanceAsync(CaseSlaOrchestrator.InstanceId(caseId), getInputsAndOutputs: true);

    /// <summary>Waits until <paramref name="condition"/> holds, or fails saying what it waited for.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? TimeSpan.FromSeconds(45));
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Durable.DisposeAsync();
        await Services.DisposeAsync();
        File.Delete(_policyFile);
    }

    /// <summary>The mail queued, as it was queued and when.</summary>
    /// <param name="time">The clock that stamps each mail: the app's own (a fake one in a test that moves time).</param>
    public sealed class CapturedMail(TimeProvider? time = null) : IOutgoingMailQueue
    {
        private readonly ConcurrentQueue<(OutgoingMail Mail, DateTimeOffset At)> _queued = new();

        /// <summary>The SLA reminders about a case.</summary>
        public IReadOnlyList<(OutgoingMail Mail, DateTimeOffset At)> For(string caseId) => About(caseId, OutgoingMail.ReminderPurposePrefix);

        /// <summary>Mail about a case whose purpose starts so.</summary>
        public IReadOnlyList<(OutgoingMail Mail, DateTimeOffset At)> About(string caseId, string purposePrefix) =>
            _queued.Where(q => q.Mail.CaseId == caseId && q.Mail.Purpose.StartsWith(purposePrefix, StringComparison.Ordinal)).ToList();

        public Task EnqueueAsync(OutgoingMail mail, TimeSpan? delay, CancellationToken cancellationToken)
        {
            _queued.Enqueue((mail, (time ?? TimeProvider.System).GetUtcNow()));
            return Task.CompletedTask;
        }
    }

    /// <summary>Case changes straight to the workflow, as the case-changed queue's function passes them on.</summary>
    private sealed class DirectSignals : ICaseSignals
    {
        private CaseSlaInstances? _instances;
        private DurableTaskClient? _client;

        public void Connect(CaseSlaInstances instances, DurableTaskClient client) => (_instances, _client) = (instances, client);

        public Task ChangedAsync(string caseId, CancellationToken cancellationToken) =>
            _instances is not null && _client is not null
                ? _instances.SignalAsync(_client, caseId, cancellationToken)
                : Task.CompletedTask;
    }
}
