using System.Text.RegularExpressions;
using Bollebygd.Core.Access;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Remiss;
using Bollebygd.Functions.Remiss;
using Bollebygd.Functions.Tests.Intake;
using Bollebygd.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Remiss;

/// <summary>
/// A remiss through its workflow on the in-process Durable Task host, with a remiss time of 10 s (reminded at 7.5 s):
/// the mail with its signed link, the page's API, the answer, the reminder, the deadline.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed partial class RemissWorkflowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_contractor_reads_the_question_through_the_link_and_answers_with_a_file_and_the_case_goes_on()
    {
        await using var app = await CaseWorkflowHarness.StartAsync(azurite);
        var anna = await app.SignInAsync("Anna", StaffRole.Agent);
        var record = await app.RegisterAsync(anna);
        var remiss = await SendAsync(app, anna, record.Case.Id);

        var sent = Assert.Single(app.Mail.About(record.Case.Id, "remiss-"));
        Assert.Equal("entreprenad@example.se", sent.Mail.To.Address);
        Assert.Contains("Vilken dag kan ni tömma brunnen?", sent.Mail.TextBody);
        var token = TokenIn(sent.Mail.TextBody);
        Assert.Equal(CaseStatus.AwaitingRemiss, (await app.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!.Case.Status);
        Assert.Contains((await app.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!.Timeline,
            e => e.Id == "remiss-" + remiss.Id && e.Text.Contains("Remiss till Brunnsservice AB"));

        var functions = ActivatorUtilities.CreateInstance<RemissFunctions>(app.Services);
        var view = Assert.IsType<RemissView>(Assert.IsType<OkObjectResult>(await functions.Get(WithToken(HttpRequests.Get(), token),
            CancellationToken.None)).Value);
        // A personnummer the officer left in the extract does not leave the municipality.
        Assert.Equal(("Vilken dag kan ni tömma brunnen?", "Brunnen vid Hultavägen 3 svämmar över. Anmäld av 19811218-****.", true),
            (view.Question, view.Extract, view.CanAnswer));

        var upload = await app.Get<UploadService>().AcceptAsync(HttpRequests.Pdf(), "tidsplan.pdf", CancellationToken.None);
        var answer = await functions.Answer(WithToken(HttpRequests.Json(new { text = "Vi kommer på tisdag.", files = new[] { upload.File!.Id } }), token),
            app.Client, CancellationToken.None);
        Assert.Equal(StatusCodes.Status201Created, Assert.IsType<ObjectResult>(answer).StatusCode);

        var after = (await app.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!;
        var entry = Assert.Single(after.Timeline, e => e.Kind == TimelineEntryKind.OtherPartyMessage);
        Assert.Equal(("Vi kommer på tisdag.", "tidsplan.pdf", "remiss:Brunnsservice AB"), (entry.Text, entry.Attachments.Single().Name, entry.Author));
        Assert.Equal(CaseStatus.InProgress, after.Case.Status);
        await CaseWorkflowHarness.WaitForAsync(async () => (await app.Client.GetInstanceAsync(remiss.InstanceId))?.RuntimeStatus
            == OrchestrationRuntimeStatus.Completed, "the remiss workflow to end with the answer", TimeSpan.FromSeconds(5));

        // Answered once: a second answer, a changed link, are refused.
        Assert.Equal(StatusCodes.Status409Conflict, Assert.IsType<ObjectResult>(await functions.Answer(
            WithToken(HttpRequests.Json(new { text = "Igen" }), token), app.Client, CancellationToken.None)).StatusCode);
        var forged = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsType<ObjectResult>(await functions.Get(
            WithToken(HttpRequests.Get(), forged), CancellationToken.None)).StatusCode);
        Assert.Empty(app.Mail.About(record.Case.Id, $"remiss-{remiss.Id}-reminder"));
    }

    [Fact]
    public async Task Unanswered_the_contractor_is_reminded_before_the_deadline_and_after_it_the_case_goes_back_to_the_group_flagged()
    {
        await using var app = await CaseWorkflowHarness.StartAsync(azurite);
        var anna = await app.SignInAsync("Anna", StaffRole.Agent);
        var record = await app.RegisterAsync(anna);
        var remiss = await SendAsync(app, anna, record.Case.Id);

        await CaseWorkflowHarness.WaitForAsync(async () => (await app.Client.GetInstanceAsync(remiss.InstanceId))?.RuntimeStatus
            == OrchestrationRuntimeStatus.Completed, "the remiss workflow to reach the deadline");

        var reminder = Assert.Single(app.Mail.About(record.Case.Id, $"remiss-{remiss.Id}-reminder"));
        Assert.True(reminder.At >= remiss.SentAt.AddSeconds(7), $"reminded {(reminder.At - remiss.SentAt).TotalSeconds:0.0} s after sending");
        Assert.True(reminder.At < remiss.Deadline);
        Assert.Contains("Påminnelse", reminder.Mail.Subject);
        Assert.Equal(TokenIn(app.Mail.About(record.Case.Id, "remiss-").First().Mail.TextBody), TokenIn(reminder.Mail.TextBody));

        var after = (await app.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!;
        Assert.Equal(CaseStatus.InProgress, after.Case.Status);
        Assert.StartsWith("Remissvar saknas från Brunnsservice AB", after.Case.Attention);
        Assert.Equal(RemissStatus.Overdue, (await app.Get<IRemisser>().GetAsync(record.Case.Id, remiss.Id, CancellationToken.None))!.Status);
        Assert.True(DateTimeOffset.UtcNow >= remiss.Deadline);

        // A late answer is still welcome while the link lives: it lands on the case.
        var functions = ActivatorUtilities.CreateInstance<RemissFunctions>(app.Services);
        Assert.Equal(StatusCodes.Status201Created, Assert.IsType<ObjectResult>(await functions.Answer(
            WithToken(HttpRequests.Json(new { text = "Ursäkta dröjsmålet: tisdag." }), TokenIn(reminder.Mail.TextBody)), app.Client,
            CancellationToken.None)).StatusCode);
    }

    [Fact]
    public async Task A_remiss_without_a_valid_address_or_question_is_refused_field_by_field_and_nothing_is_sent()
    {
        await using var app = await CaseWorkflowHarness.StartAsync(azurite);
        var anna = await app.SignInAsync("Anna", StaffRole.Agent);
        var record = await app.RegisterAsync(anna);

        var (outcome, remiss) = await app.Get<RemissService>().SendAsync(anna, record.Case.Id,
            new RemissRequest(Guid.NewGuid().ToString("N"), " ", "inte en adress", "", null, DateOnly.FromDateTime(DateTime.Today)), CancellationToken.None);

        var invalid = Assert.IsType<CaseWorkOutcome.Invalid>(outcome);
        Assert.Null(remiss);
        Assert.Equal([RemissService.NameMissing], invalid.Errors["recipientName"]);
        Assert.Equal([RemissService.EmailInvalid], invalid.Errors["recipientEmail"]);
        Assert.Equal([RemissService.QuestionMissing], invalid.Errors["question"]);
        Assert.Equal([RemissService.LastDayInvalid], invalid.Errors["lastDay"]);
        Assert.Empty(app.Mail.About(record.Case.Id, "remiss-"));
    }

    [Fact]
    public async Task A_send_that_died_after_storing_the_remiss_is_finished_by_its_retry()
    {
        await using var app = await CaseWorkflowHarness.StartAsync(azurite);
        var anna = await app.SignInAsync("Anna", StaffRole.Agent);
        var record = await app.RegisterAsync(anna);
        var request = new RemissRequest(Guid.NewGuid().ToString("N"), "Brunnsservice AB", "entreprenad@example.se", "När?", null, null);
        // The first attempt stored the remiss and died: no entry, no status, no mail.
        await app.Get<IRemisser>().CreateAsync(new RemissCase(record.Case.Id, request.Id, "Brunnsservice AB", "entreprenad@example.se", "När?", null,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(5), anna.Author), CancellationToken.None);

        var (outcome, remiss) = await app.Get<RemissService>().SendAsync(anna, record.Case.Id, request, CancellationToken.None);

        Assert.IsType<CaseWorkOutcome.Done>(outcome);
        Assert.Single(app.Mail.About(record.Case.Id, $"remiss-{remiss!.Id}"));
        var after = (await app.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!;
        Assert.Equal(CaseStatus.AwaitingRemiss, after.Case.Status);
        Assert.Single(after.Timeline, e => e.Id == "remiss-" + remiss.Id);
    }

    [Fact]
    public async Task An_answer_on_the_case_counts_even_when_the_remiss_was_not_marked_answered()
    {
        await using var app = await CaseWorkflowHarness.StartAsync(azurite);
        var anna = await app.SignInAsync("Anna", StaffRole.Agent);
        var record = await app.RegisterAsync(anna);
        var (_, remiss) = await app.Get<RemissService>().SendAsync(anna, record.Case.Id, new RemissRequest(Guid.NewGuid().ToString("N"),
            "Brunnsservice AB", "entreprenad@example.se", "När?", null, null), CancellationToken.None);
        // The answer was stored and the handler died before it marked the remiss.
        var current = (await app.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!.Case;
        await app.Get<ICaseStore>().AppendRetryingAsync(current, new TimelineEntry("remissvar-" + remiss!.Id, DateTimeOffset.UtcNow,
            TimelineEntryKind.OtherPartyMessage, RemissService.AuthorOf(remiss), "På tisdag.", []), null, CancellationToken.None);

        var step = await app.Get<RemissService>().FollowUpAsync(record.Case.Id, remiss.Id, CancellationToken.None);

        Assert.True(step.Ended);
        Assert.Equal(RemissStatus.Answered, (await app.Get<IRemisser>().GetAsync(record.Case.Id, remiss.Id, CancellationToken.None))!.Status);
        Assert.Empty(app.Mail.About(record.Case.Id, $"remiss-{remiss.Id}-reminder"));
    }

    [Fact]
    public async Task Reconciliation_starts_the_workflow_of_a_waiting_remiss_that_has_none()
    {
        await using var app = await CaseWorkflowHarness.StartAsync(azurite);
        var anna = await app.SignInAsync("Anna", StaffRole.Agent);
        var record = await app.RegisterAsync(anna);
        // Sent, but its workflow never started (the request died in between, or LocalHost lost it).
        var (_, remiss) = await app.Get<RemissService>().SendAsync(anna, record.Case.Id, new RemissRequest(Guid.NewGuid().ToString("N"),
            "Brunnsservice AB", "entreprenad@example.se", "När?", null, null), CancellationToken.None);
        Assert.Null(await app.Client.GetInstanceAsync(remiss!.InstanceId));

        var result = await ActivatorUtilities.CreateInstance<Functions.Sla.SlaFunctions>(app.Services).ReconcileAsync(app.Client, CancellationToken.None);

        Assert.Contains(remiss.InstanceId, result.RemisserStarted!);
        Assert.NotNull(await app.Client.GetInstanceAsync(remiss.InstanceId));
        var again = await ActivatorUtilities.CreateInstance<Functions.Sla.SlaFunctions>(app.Services).ReconcileAsync(app.Client, CancellationToken.None);
        Assert.DoesNotContain(remiss.InstanceId, again.RemisserStarted!);
    }

    private static async Task<RemissCase> SendAsync(CaseWorkflowHarness app, StaffUser user, string caseId)
    {
        var (outcome, remiss) = await app.Get<RemissService>().SendAsync(user, caseId, new RemissRequest(Guid.NewGuid().ToString("N"),
            "Brunnsservice AB", "entreprenad@example.se", "Vilken dag kan ni tömma brunnen?", "Brunnen vid Hultavägen 3 svämmar över. Anmäld av 19811218-9876.", null),
            CancellationToken.None);
        Assert.IsType<CaseWorkOutcome.Done>(outcome);
        await RemissFunctions.StartAsync(app.Client, remiss!, CancellationToken.None);
        return remiss!;
    }

    private static HttpRequest WithToken(HttpRequest request, string token)
    {
        request.Headers[RemissFunctions.TokenHeader] = token;
        return request;
    }

    private static string TokenIn(string body) => RemissLink().Match(body).Groups[1].Value;

    [GeneratedRegex(@"/remiss\.html#([A-Za-z0-9_.-]+)")]
    private static partial Regex RemissLink();
}
