using Bollebygd.Core.Access;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Sla;
using Bollebygd.Functions.Sla;
using Bollebygd.TestSupport;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests;

/// <summary>
/// The CaseSla workflow on the in-process Durable Task host with a policy in seconds (first answer in 8 s, warned at
/// 4 s; the ladder at 0, 3 and 6 s after a breach) and a calendar open round the clock.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class CaseSlaWorkflowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_assignee_is_warned_with_a_link_then_after_the_breach_the_ladder_tells_the_lead_and_the_supervisor()
    {
        await using var sla = await CaseWorkflowHarness.StartAsync(azurite);
        var anna = await sla.SignInAsync("Anna", StaffRole.Agent);
        var lena = await sla.SignInAsync("Lena", StaffRole.Lead);
        var record = await sla.RegisterAsync(anna);
        var caseId = record.Case.Id;
        var createdAt = record.Case.CreatedAt;

        await CaseWorkflowHarness.WaitForAsync(async () => (await sla.InstanceAsync(caseId))?.RuntimeStatus == OrchestrationRuntimeStatus.Running,
            "the workflow to start when the case was registered");
        await CaseWorkflowHarness.WaitForAsync(() => Task.FromResult(sla.Mail.For(caseId).Any(m => m.Mail.To.Address == lena.Email)),
            "the lead to be told after the breach");
        await CaseWorkflowHarness.WaitForAsync(() => Task.FromResult(sla.Mail.For(caseId).Any(m => m.Mail.To.Address == CaseWorkflowHarness.SupervisorAddress)),
            "the supervisor to be told last");

        var mails = sla.Mail.For(caseId);
        var warning = Assert.Single(mails, m => m.Mail.Purpose.Contains("-warn-"));
        Assert.Equal(anna.Email, warning.Mail.To.Address);
        Assert.Contains("Påminnelse", warning.Mail.Subject);
        Assert.Contains($"/agent/#/arende/{caseId}", warning.Mail.TextBody);
        Assert.True(warning.At >= createdAt.AddSeconds(4) - TimeSpan.FromMilliseconds(500), $"warned at {warning.At:O}, case {createdAt:O}");

        var breach = Assert.Single(mails, m => m.Mail.Purpose.Contains("-breach-firstresponse-") && m.Mail.Purpose.Contains("-0-"));
        Assert.Equal(anna.Email, breach.Mail.To.Address);
        Assert.True(breach.At >= createdAt.AddSeconds(8) - TimeSpan.FromMilliseconds(500));
        var lead = Assert.Single(mails, m => m.Mail.To.Address == lena.Email);
        Assert.True(lead.At >= breach.At.AddSeconds(2.5), "the lead heard before the ladder's step");
        Assert.Contains("gruppledare", lead.Mail.TextBody);

        // The breach is on the case's timeline and its card, and the queue shows it.
        var timeline = (await sla.Get<ICaseStore>().GetAsync(caseId, CancellationToken.None))!.Timeline;
        Assert.Contains(timeline, e => e.Author == CaseSlaService.Author && e.Text.StartsWith("Tidsgränsen passerades: ärendet skulle ha fått ett första svar senast"));
        var standing = (await sla.Get<CaseSlaService>().StandingAsync(caseId, CancellationToken.None))!.Value.Standing;
        Assert.Equal((SlaLevel.Breached, SlaTarget.FirstResponse), (standing.Level, standing.Target));
        var page = (await sla.Get<CaseListService>().ListAsync(anna, CaseListView.Mine, null, 1, 100, CancellationToken.None))!;
        Assert.Equal(SlaLevel.Breached, page.StandingOf(caseId)?.Level);
    }

    [Fact]
    public async Task An_answer_before_the_warning_meets_the_target_and_no_reminder_is_sent_and_closing_ends_the_workflow()
    {
        await using var sla = await CaseWorkflowHarness.StartAsync(azurite);
        var anna = await sla.SignInAsync("Anna", StaffRole.Agent);
        var record = await sla.RegisterAsync(anna);
        await sla.ReplyAsync(anna, record.Case.Id);

        // Past the first answer's due time (8 s) and its whole ladder (6 s more).
        await Task.Delay(TimeSpan.FromSeconds(16));

        Assert.Empty(sla.Mail.For(record.Case.Id));
        var standing = (await sla.Get<CaseSlaService>().StandingAsync(record.Case.Id, CancellationToken.None))!.Value.Standing;
        Assert.Equal((SlaLevel.Ok, SlaTarget.Resolution), (standing.Level, standing.Target));

        await sla.ChangeAsync(anna, record.Case.Id, new CaseChange(Status: CaseStatus.Closed));
        await CaseWorkflowHarness.WaitForAsync(async () => (await sla.InstanceAsync(record.Case.Id))?.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            "the workflow to end with the closed case");
    }

    [Fact]
    public async Task Waiting_for_the_citizen_pauses_the_clock_and_an_answer_from_them_resumes_it()
    {
        await using var sla = await CaseWorkflowHarness.StartAsync(azurite);
        var anna = await sla.SignInAsync("Anna", StaffRole.Agent);
        var record = await sla.RegisterAsync(anna);
        await sla.ChangeAsync(anna, record.Case.Id, new CaseChange(Status: CaseStatus.AwaitingCitizen));

        await Task.Delay(TimeSpan.FromSeconds(12));
        Assert.Empty(sla.Mail.For(record.Case.Id));
        var paused = (await sla.Get<CaseSlaService>().StandingAsync(record.Case.Id, CancellationToken.None))!.Value.Standing;
        Assert.Equal(SlaLevel.Paused, paused.Level);

        var resumedAt = DateTimeOffset.UtcNow;
        await sla.ChangeAsync(anna, record.Case.Id, new CaseChange(Status: CaseStatus.InProgress));
        await CaseWorkflowHarness.WaitForAsync(() => Task.FromResult(sla.Mail.For(record.Case.Id).Any(m => m.Mail.Purpose.Contains("-warn-"))),
            "the warning once the clock runs again");
        var warning = sla.Mail.For(record.Case.Id).First(m => m.Mail.Purpose.Contains("-warn-"));
        // Under a second was used before the pause; the warning falls at 4 s of running time.
        Assert.True(warning.At >= resumedAt.AddSeconds(2.5), $"warned {(warning.At - resumedAt).TotalSeconds:0.0} s after resuming");
    }

    [Fact]
    public async Task A_case_handed_to_someone_else_after_the_warning_warns_the_new_assignee()
    {
        await using var sla = await CaseWorkflowHarness.StartAsync(azurite);
        var anna = await sla.SignInAsync("Anna", StaffRole.Agent);
        var lena = await sla.SignInAsync("Lena", StaffRole.Lead);
        var sven = await sla.SignInAsync("Sven", StaffRole.Agent);
        var record = await sla.RegisterAsync(anna);
        await CaseWorkflowHarness.WaitForAsync(() => Task.FromResult(sla.Mail.For(record.Case.Id).Any(m => m.Mail.To.Address == anna.Email)),
            "Anna's warning");

        await sla.ChangeAsync(lena, record.Case.Id, new CaseChange(AssigneeId: sven.Id, AssigneeName: sven.Name));

        await CaseWorkflowHarness.WaitForAsync(() => Task.FromResult(sla.Mail.For(record.Case.Id).Any(m => m.Mail.To.Address == sven.Email)),
            "Sven's warning after the handover");
        var toSven = sla.Mail.For(record.Case.Id).First(m => m.Mail.To.Address == sven.Email);
        Assert.Contains("-warn-", toSven.Mail.Purpose);
        Assert.Equal(1, sla.Mail.For(record.Case.Id).Count(m => m.Mail.To.Address == anna.Email && m.Mail.Purpose.Contains("-warn-")));
    }

    [Fact]
    public async Task A_reopened_case_gets_a_new_workflow_that_owes_the_next_answer_and_warns_again()
    {
        await using var sla = await CaseWorkflowHarness.StartAsync(azurite);
        var anna = await sla.SignInAsync("Anna", StaffRole.Agent);
        var record = await sla.RegisterAsync(anna);
        await sla.ReplyAsync(anna, record.Case.Id);
        await sla.ChangeAsync(anna, record.Case.Id, new CaseChange(Status: CaseStatus.Closed));
        await CaseWorkflowHarness.WaitForAsync(async () => (await sla.InstanceAsync(record.Case.Id))?.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            "the workflow to end with the closed case");

        await sla.ChangeAsync(anna, record.Case.Id, new CaseChange(Status: CaseStatus.InProgress));

        await CaseWorkflowHarness.WaitForAsync(() => Task.FromResult(sla.Mail.For(record.Case.Id).Any(m => m.Mail.Purpose.Contains("-warn-nextresponse-"))),
            "a warning about the next answer after the reopening");
        Assert.DoesNotContain(sla.Mail.For(record.Case.Id), m => m.Mail.Purpose.Contains("firstresponse"));
        var instance = await sla.InstanceAsync(record.Case.Id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    [Fact]
    public async Task A_workflow_that_died_is_started_again_from_its_stored_state_and_keeps_its_pauses()
    {
        await using var sla = await CaseWorkflowHarness.StartAsync(azurite);
        var anna = await sla.SignInAsync("Anna", StaffRole.Agent);
        var record = await sla.RegisterAsync(anna);
        await sla.ChangeAsync(anna, record.Case.Id, new CaseChange(Status: CaseStatus.AwaitingCitizen));
        await CaseWorkflowHarness.WaitForAsync(async () =>
                (await sla.Get<CaseSlaService>().StandingAsync(record.Case.Id, CancellationToken.None))?.Standing.Level == SlaLevel.Paused,
            "the clocks to pause");

        // Past the first answer's budget and its ladder while paused; then the workflow dies.
        await Task.Delay(TimeSpan.FromSeconds(15));
        await sla.Client.TerminateInstanceAsync(CaseSlaOrchestrator.InstanceId(record.Case.Id));
        await CaseWorkflowHarness.WaitForAsync(async () => (await sla.InstanceAsync(record.Case.Id))?.RuntimeStatus == OrchestrationRuntimeStatus.Terminated,
            "the workflow to be terminated");

        // The next change starts a new one: from what was stored, so the weeks of waiting are not counted against anyone.
        Assert.IsType<CaseWorkOutcome.Done>(await sla.Get<CaseWorkService>().AddNoteAsync(anna, record.Case.Id, Guid.NewGuid().ToString("N"),
            "Eva har inte svarat än.", CancellationToken.None));
        await CaseWorkflowHarness.WaitForAsync(async () => (await sla.InstanceAsync(record.Case.Id))?.RuntimeStatus == OrchestrationRuntimeStatus.Running,
            "a new workflow");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(sla.Mail.For(record.Case.Id));
        Assert.Equal(SlaLevel.Paused, (await sla.Get<CaseSlaService>().StandingAsync(record.Case.Id, CancellationToken.None))!.Value.Standing.Level);
    }

    [Fact]
    public async Task Reconciliation_starts_the_workflow_of_an_open_case_that_has_none_and_ends_that_of_a_closed_case()
    {
        // Nobody reads the case-changed queue: as after an outage, or a LocalHost restart that lost every workflow.
        await using var sla = await CaseWorkflowHarness.StartAsync(azurite, signalling: false);
        var anna = await sla.SignInAsync("Anna", StaffRole.Agent);
        var open = await sla.RegisterAsync(anna);
        var closing = await sla.RegisterAsync(anna);
        Assert.Null(await sla.InstanceAsync(open.Case.Id));

        var reconciliation = ActivatorUtilities.CreateInstance<SlaFunctions>(sla.Services);
        var first = await reconciliation.ReconcileAsync(sla.Client, CancellationToken.None);
        Assert.Contains(open.Case.Id, first.Started);
        Assert.Contains(closing.Case.Id, first.Started);

        // The signals went to the case-changed queue; its function passes them on.
        await PassOnQueuedSignalsAsync(sla, [open.Case.Id, closing.Case.Id]);
        await CaseWorkflowHarness.WaitForAsync(async () => (await sla.InstanceAsync(open.Case.Id))?.RuntimeStatus == OrchestrationRuntimeStatus.Running,
            "the missing workflow to run");

        await sla.ChangeAsync(anna, closing.Case.Id, new CaseChange(Status: CaseStatus.Closed));
        var second = await reconciliation.ReconcileAsync(sla.Client, CancellationToken.None);
        Assert.Contains(closing.Case.Id, second.Ended);
        Assert.DoesNotContain(open.Case.Id, second.Started);
        await PassOnQueuedSignalsAsync(sla, [closing.Case.Id]);
        await CaseWorkflowHarness.WaitForAsync(async () => (await sla.InstanceAsync(closing.Case.Id))?.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            "the closed case's workflow to end");

        // The reconciliation also put the open case back in its queue, SLA and all.
        var page = (await sla.Get<CaseListService>().ListAsync(anna, CaseListView.Mine, null, 1, 100, CancellationToken.None))!;
        Assert.Contains(page.Items, i => i.Id == open.Case.Id);
    }

    /// <summary>Runs the case-changed queue's function on the waiting messages about these cases, as its trigger would.</summary>
    private static async Task PassOnQueuedSignalsAsync(CaseWorkflowHarness sla, IReadOnlyCollection<string> caseIds)
    {
        var queue = sla.Get<Azure.Storage.Queues.QueueServiceClient>().GetQueueClient(Core.Storage.QueueNames.CaseChanged);
        var functions = ActivatorUtilities.CreateInstance<SlaFunctions>(sla.Services);
        var passed = new HashSet<string>();
        for (var round = 0; round < 1000 && passed.Count < caseIds.Count; round++)
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
            if (messages.Length == 0)
            {
                break;
            }
            foreach (var message in messages)
            {
                var changed = message.Body.ToObjectFromJson<CaseChanged>(System.Text.Json.JsonSerializerOptions.Web)!;
                if (caseIds.Contains(changed.CaseId))
                {
                    await functions.Changed(changed, sla.Client, CancellationToken.None);
                    passed.Add(changed.CaseId);
                }
                // Other tests' signals have no reader here: they go too.
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
        Assert.Equal(caseIds.Order(), passed.Order());
    }
}
