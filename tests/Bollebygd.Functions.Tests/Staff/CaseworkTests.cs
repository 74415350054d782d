using System.Text.Json;
using Bollebygd.Core.Access;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Functions.Casework;
using Bollebygd.Functions.Tests.Intake;
using Bollebygd.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Staff;

/// <summary>The agent workspace's case API against Azurite: lists, claiming, stale edits, merge, notes, quick registration.</summary>
[Collection(StorageCollection.Name)]
public sealed class CaseworkTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TestIdentityProvider _provider = new();

    private static readonly StaffUser Anna = StaffServices.User("anna-" + Guid.NewGuid().ToString("N")[..6], StaffRole.Agent, "kundtjanst", "triage");
    private static readonly StaffUser Lena = StaffServices.User("lena-" + Guid.NewGuid().ToString("N")[..6], StaffRole.Lead, "kundtjanst", "triage");
    private static readonly StaffUser Sven = StaffServices.User("sven-" + Guid.NewGuid().ToString("N")[..6], StaffRole.Specialist, "va-renhallning");

    [Fact]
    public async Task An_agent_claims_a_case_from_the_queue_and_it_moves_to_their_list()
    {
        using var services = StaffServices.Build(azurite, _provider);
        var record = await RegisterAsync(services, Anna, "kundtjanst", close: false, assignToMe: false);
        var lists = services.GetRequiredService<CaseListService>();
        var work = services.GetRequiredService<CaseWorkService>();

        var unassigned = await lists.ListAsync(Anna, CaseListView.Unassigned, "kundtjanst", 1, 100, CancellationToken.None);
        Assert.Contains(unassigned!.Items, i => i.Id == record.Case.Id);

        var claimed = Assert.IsType<CaseWorkOutcome.Done>(await work.ChangeAsync(Anna, record.Case.Id, record.Case.ETag,
            new CaseChange(AssigneeId: "me", Priority: CasePriority.High), CancellationToken.None));
        Assert.Equal(Anna.Id, claimed.Record.Case.Assignee!.Id);
        Assert.Contains(claimed.Record.Timeline, e => e.Text.Contains("Handläggare: " + Anna.Name) && e.Text.Contains("Prioritet: hög"));

        var mine = await lists.ListAsync(Anna, CaseListView.Mine, null, 1, 100, CancellationToken.None);
        Assert.Contains(mine!.Items, i => i.Id == record.Case.Id && i.Priority == CasePriority.High);
        Assert.DoesNotContain((await lists.ListAsync(Anna, CaseListView.Unassigned, "kundtjanst", 1, 100, CancellationToken.None))!.Items,
            i => i.Id == record.Case.Id);
        Assert.Null(await lists.ListAsync(Sven, CaseListView.Queue, "kundtjanst", 1, 100, CancellationToken.None));
    }

    [Fact]
    public async Task A_stale_edit_is_a_409_the_agent_can_read_and_nothing_is_lost()
    {
        using var services = StaffServices.Build(azurite, _provider);
        var record = await RegisterAsync(services, Anna, "kundtjanst", close: false, assignToMe: false);
        var functions = ActivatorUtilities.CreateInstance<CaseworkFunctions>(services);
        var token = _provider.Token(["Agent"], ["kundtjanst"], oid: Anna.Id, name: Anna.Name);

        var first = await functions.Change(Patch(token, record.Case.ETag!, new { priority = "urgent" }), record.Case.Id, CancellationToken.None);
        var (status, _) = HttpRequests.Read(first);
        Assert.Equal(200, status);

        // A colleague, still on the version they opened, sets another status.
        var stale = HttpRequests.Read(await functions.Change(Patch(token, record.Case.ETag!, new { status = "closed" }), record.Case.Id, CancellationToken.None));
        Assert.Equal(409, stale.Status);
        Assert.Equal(CaseworkFunctions.ConflictTitle, stale.Body.GetProperty("title").GetString());
        var now = (await services.GetRequiredService<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!.Case;
        Assert.Equal(CaseStatus.InProgress, now.Status);
        Assert.Equal(CasePriority.Urgent, now.Priority);

        var noEtag = HttpRequests.Read(await functions.Change(Patch(token, null, new { status = "closed" }), record.Case.Id, CancellationToken.None));
        Assert.Equal(409, noEtag.Status);
    }

    [Fact]
    public async Task Only_a_lead_hands_a_case_to_someone_else_and_staff_outside_the_group_see_nothing()
    {
        using var services = StaffServices.Build(azurite, _provider);
        var record = await RegisterAsync(services, Anna, "kundtjanst", close: false, assignToMe: false);
        var work = services.GetRequiredService<CaseWorkService>();

        Assert.IsType<CaseWorkOutcome.Forbidden>(await work.ChangeAsync(Anna, record.Case.Id, record.Case.ETag,
            new CaseChange(AssigneeId: Lena.Id, AssigneeName: Lena.Name), CancellationToken.None));
        Assert.IsType<CaseWorkOutcome.Forbidden>(await work.GetCardAsync(Sven, record.Case.Id, CancellationToken.None));
        Assert.IsType<CaseWorkOutcome.Forbidden>(await work.AddNoteAsync(Sven, record.Case.Id, Guid.NewGuid().ToString(), "Hej", CancellationToken.None));

        var handed = Assert.IsType<CaseWorkOutcome.Done>(await work.ChangeAsync(Lena, record.Case.Id, record.Case.ETag,
            new CaseChange(AssigneeId: Anna.Id, AssigneeName: Anna.Name), CancellationToken.None));
        Assert.Equal(Anna.Id, handed.Record.Case.Assignee!.Id);

        // Moved to another group, the case leaves Anna's queue and her list.
        var moved = Assert.IsType<CaseWorkOutcome.Done>(await work.ChangeAsync(Anna, record.Case.Id, handed.Record.Case.ETag,
            new CaseChange(Group: "va-renhallning"), CancellationToken.None));
        Assert.Null(moved.Record.Case.Assignee);
        // The correction is kept as training data for the router.
        Assert.Contains(await services.GetRequiredService<Core.Routing.IRoutingExamples>().ListAsync(CancellationToken.None),
            e => e.GroupId == "va-renhallning" && e.Text.Contains("Frågade om bygglov."));
        Assert.IsType<CaseWorkOutcome.Done>(await work.GetCardAsync(Sven, record.Case.Id, CancellationToken.None));
        var lists = services.GetRequiredService<CaseListService>();
        Assert.DoesNotContain((await lists.ListAsync(Anna, CaseListView.Queue, "kundtjanst", 1, 100, CancellationToken.None))!.Items, i => i.Id == record.Case.Id);
        Assert.Contains((await lists.ListAsync(Sven, CaseListView.Queue, "va-renhallning", 1, 100, CancellationToken.None))!.Items, i => i.Id == record.Case.Id);
    }

    [Fact]
    public async Task A_merged_duplicate_is_closed_points_at_the_case_and_leaves_the_queue()
    {
        using var services = StaffServices.Build(azurite, _provider);
        var original = await RegisterAsync(services, Anna, "kundtjanst", close: false, assignToMe: false);
        var duplicate = await RegisterAsync(services, Anna, "kundtjanst", close: false, assignToMe: false);
        var work = services.GetRequiredService<CaseWorkService>();

        Assert.IsType<CaseWorkOutcome.Forbidden>(await work.MergeAsync(Anna, duplicate.Case.Id, duplicate.Case.ETag, original.Case.Id, CancellationToken.None));
        var merged = Assert.IsType<CaseWorkOutcome.Done>(await work.MergeAsync(Lena, duplicate.Case.Id, duplicate.Case.ETag, original.Case.Id, CancellationToken.None));

        Assert.Contains(duplicate.Case.Id, merged.Record.Case.Links);
        // The audit log tells a lead what was done to the duplicate, and by whom; an agent may not read it.
        await DrainAuditAsync(services);
        var (auditOutcome, audit) = await work.GetAuditAsync(Lena, duplicate.Case.Id, CancellationToken.None);
        Assert.IsType<CaseWorkOutcome.Done>(auditOutcome);
        Assert.Contains(audit, e => e.Action == "case.merge" && e.Actor == Lena.Id && e.Detail == original.Case.Id);
        Assert.Contains(audit, e => e.Action == "case.register" && e.Actor == Anna.Id);
        Assert.IsType<CaseWorkOutcome.Forbidden>((await work.GetAuditAsync(Anna, duplicate.Case.Id, CancellationToken.None)).Outcome);
        var closed = (await services.GetRequiredService<ICaseStore>().GetAsync(duplicate.Case.Id, CancellationToken.None))!;
        Assert.Equal(CaseStatus.Closed, closed.Case.Status);
        Assert.Equal(original.Case.Id, closed.Case.MergedInto);
        Assert.Contains(closed.Timeline, e => e.Text.Contains(original.Case.Reference.ToString()));
        var queue = await services.GetRequiredService<CaseListService>().ListAsync(Lena, CaseListView.Queue, "kundtjanst", 1, 100, CancellationToken.None);
        Assert.DoesNotContain(queue!.Items, i => i.Id == duplicate.Case.Id);
        Assert.IsType<CaseWorkOutcome.Invalid>(await work.MergeAsync(Lena, original.Case.Id, merged.Record.Case.ETag, duplicate.Case.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Quick_registration_with_save_and_close_is_one_closed_case_however_often_it_is_saved()
    {
        using var services = StaffServices.Build(azurite, _provider);
        var registrations = services.GetRequiredService<QuickRegistrationService>();
        var registration = new QuickRegistration(Guid.NewGuid().ToString(), Channel.Phone, "Karl Karlsson", "karl@example.se", "070-123 45 67",
            "Fråga om sophämtning", "Ville veta när kärlet töms. Svarade: tisdagar.", "kundtjanst", Close: true);

        var first = Assert.IsType<CaseWorkOutcome.Done>(await registrations.RegisterAsync(Anna, registration, CancellationToken.None));
        var again = Assert.IsType<CaseWorkOutcome.Done>(await registrations.RegisterAsync(Anna, registration, CancellationToken.None));

        Assert.Equal(first.Record.Case.Id, again.Record.Case.Id);
        Assert.Equal(CaseStatus.Closed, first.Record.Case.Status);
        Assert.Equal(Channel.Phone, first.Record.Case.Channel);
        Assert.Equal(Anna.Id, first.Record.Case.Assignee!.Id);
        var queue = await services.GetRequiredService<CaseListService>().ListAsync(Anna, CaseListView.Queue, "kundtjanst", 1, 100, CancellationToken.None);
        Assert.DoesNotContain(queue!.Items, i => i.Id == first.Record.Case.Id);

        var invalid = Assert.IsType<CaseWorkOutcome.Invalid>(await registrations.RegisterAsync(Anna,
            registration with { RegistrationId = Guid.NewGuid().ToString(), Name = " ", Email = "inte-en-adress", Channel = Channel.Web, Group = "nej" },
            CancellationToken.None));
        Assert.Equal(["channel", "email", "group", "name"], invalid.Errors.Keys.Order());
    }

    [Fact]
    public async Task A_lead_marks_a_case_secret_lists_hide_its_title_and_every_read_is_audited()
    {
        using var services = StaffServices.Build(azurite, _provider);
        var record = await RegisterAsync(services, Anna, "kundtjanst", close: false, assignToMe: true);
        var work = services.GetRequiredService<CaseWorkService>();

        Assert.IsType<CaseWorkOutcome.Forbidden>(await work.ChangeAsync(Anna, record.Case.Id, record.Case.ETag, new CaseChange(Secret: true), CancellationToken.None));
        var secret = Assert.IsType<CaseWorkOutcome.Done>(await work.ChangeAsync(Lena, record.Case.Id, record.Case.ETag, new CaseChange(Secret: true), CancellationToken.None));
        Assert.True(secret.Record.Case.Secret);

        var row = Assert.Single((await services.GetRequiredService<CaseListService>().ListAsync(Anna, CaseListView.Mine, null, 1, 100, CancellationToken.None))!.Items,
            i => i.Id == record.Case.Id);
        Assert.Equal(CaseSummary.SecretTitle, row.Title);
        Assert.IsType<CaseWorkOutcome.Done>(await work.GetCardAsync(Anna, record.Case.Id, CancellationToken.None));
        Assert.IsType<CaseWorkOutcome.Forbidden>(await work.GetCardAsync(Sven, record.Case.Id, CancellationToken.None));

        await DrainAuditAsync(services);
        var (_, audit) = await work.GetAuditAsync(Lena, record.Case.Id, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "case.read" && e.Actor == Anna.Id);
        Assert.Contains(audit, e => e.Action == "case.change" && e.Actor == Lena.Id && e.Detail!.Contains("Sekretessmarkerat"));
    }

    [Fact]
    public async Task Someone_elses_registration_id_opens_nothing_of_theirs_and_a_secret_case_stays_in_its_group()
    {
        using var services = StaffServices.Build(azurite, _provider);
        var registrations = services.GetRequiredService<QuickRegistrationService>();
        var registration = new QuickRegistration(Guid.NewGuid().ToString(), Channel.Letter, "Brevskrivare", null, null, "Brev", "Ett brev.", "kundtjanst", false);
        var annas = Assert.IsType<CaseWorkOutcome.Done>(await registrations.RegisterAsync(Anna, registration, CancellationToken.None));
        var lenas = Assert.IsType<CaseWorkOutcome.Done>(await registrations.RegisterAsync(Lena, registration, CancellationToken.None));
        Assert.NotEqual(annas.Record.Case.Id, lenas.Record.Case.Id);

        var work = services.GetRequiredService<CaseWorkService>();
        var secret = Assert.IsType<CaseWorkOutcome.Done>(await work.ChangeAsync(Lena, annas.Record.Case.Id, annas.Record.Case.ETag,
            new CaseChange(Secret: true), CancellationToken.None)).Record;
        Assert.IsType<CaseWorkOutcome.Forbidden>(await work.ChangeAsync(Anna, secret.Case.Id, secret.Case.ETag, new CaseChange(Group: "va-renhallning"), CancellationToken.None));
        Assert.IsType<CaseWorkOutcome.Invalid>(await work.ChangeAsync(Anna, secret.Case.Id, secret.Case.ETag, new CaseChange(Priority: (CasePriority)99), CancellationToken.None));
    }

    [Fact]
    public async Task Two_cases_merged_into_each_other_at_once_never_both_close()
    {
        using var services = StaffServices.Build(azurite, _provider);
        var a = await RegisterAsync(services, Anna, "kundtjanst", close: false, assignToMe: false);
        var b = await RegisterAsync(services, Anna, "kundtjanst", close: false, assignToMe: false);
        var work = services.GetRequiredService<CaseWorkService>();

        var outcomes = await Task.WhenAll(
            work.MergeAsync(Lena, a.Case.Id, a.Case.ETag, b.Case.Id, CancellationToken.None),
            work.MergeAsync(Lena, b.Case.Id, b.Case.ETag, a.Case.Id, CancellationToken.None));

        var store = services.GetRequiredService<ICaseStore>();
        var states = new[] { (await store.GetAsync(a.Case.Id, CancellationToken.None))!.Case, (await store.GetAsync(b.Case.Id, CancellationToken.None))!.Case };
        // At most one merge wins; the other is told the case changed. Never are both closed into each other.
        Assert.True(outcomes.Count(o => o is CaseWorkOutcome.Done) <= 1);
        Assert.Equal(2 - outcomes.Count(o => o is CaseWorkOutcome.Done), states.Count(c => c.IsOpen));
        Assert.All(outcomes, o => Assert.True(o is CaseWorkOutcome.Done or CaseWorkOutcome.Conflict));
    }

    [Fact]
    public async Task A_retried_reply_with_other_words_is_refused_rather_than_sent_unseen()
    {
        using var services = StaffServices.Build(azurite, _provider);
        var done = Assert.IsType<CaseWorkOutcome.Done>(await services.GetRequiredService<QuickRegistrationService>().RegisterAsync(Anna,
            new QuickRegistration(Guid.NewGuid().ToString(), Channel.Phone, "Ringare", "ringare@example.se", null, "Fråga", "Ringde.", "kundtjanst", false),
            CancellationToken.None));
        var work = services.GetRequiredService<CaseWorkService>();
        var replyId = Guid.NewGuid().ToString();

        Assert.IsType<CaseWorkOutcome.Done>(await work.ReplyAsync(Anna, done.Record.Case.Id, replyId, "Svar ett.", ReplyChannel.Email, CancellationToken.None));
        Assert.IsType<CaseWorkOutcome.Done>(await work.ReplyAsync(Anna, done.Record.Case.Id, replyId, "Svar ett.", ReplyChannel.Email, CancellationToken.None));
        var changed = Assert.IsType<CaseWorkOutcome.Invalid>(await work.ReplyAsync(Anna, done.Record.Case.Id, replyId, "Svar två.", ReplyChannel.Email, CancellationToken.None));
        Assert.Equal([CaseReplyService.ReplyAlreadySent], changed.Errors["replyId"]);
    }

    [Fact]
    public async Task An_internal_note_is_on_the_card_but_not_on_the_citizens_page()
    {
        using var services = StaffServices.Build(azurite, _provider);
        var record = await RegisterAsync(services, Anna, "kundtjanst", close: false, assignToMe: true);
        var work = services.GetRequiredService<CaseWorkService>();
        var noteId = Guid.NewGuid().ToString();

        var noted = Assert.IsType<CaseWorkOutcome.Done>(await work.AddNoteAsync(Anna, record.Case.Id, noteId, "Ring tillbaka efter lunch.", CancellationToken.None));
        await work.AddNoteAsync(Anna, record.Case.Id, noteId, "Ring tillbaka efter lunch.", CancellationToken.None); // a retry

        var note = Assert.Single(noted.Record.Timeline, e => e.Kind == TimelineEntryKind.InternalNote);
        Assert.False(note.IsPublic);
        Assert.Equal(Anna.Author, note.Author);
        Assert.Single((await services.GetRequiredService<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!.Timeline,
            e => e.Kind == TimelineEntryKind.InternalNote);
    }

    private static async Task<CaseRecord> RegisterAsync(IServiceProvider services, StaffUser user, string group, bool close, bool assignToMe)
    {
        var done = Assert.IsType<CaseWorkOutcome.Done>(await services.GetRequiredService<QuickRegistrationService>().RegisterAsync(user,
            new QuickRegistration(Guid.NewGuid().ToString(), Channel.Visit, "Besökare", null, null, "Besök i receptionen", "Frågade om bygglov.", group, close),
            CancellationToken.None));
        if (assignToMe)
        {
            return done.Record;
        }
        // Registrations are assigned to whoever registered them; these tests want a case in the queue nobody has.
        return Assert.IsType<CaseWorkOutcome.Done>(await services.GetRequiredService<CaseWorkService>().ChangeAsync(user, done.Record.Case.Id,
            done.Record.Case.ETag, new CaseChange(AssigneeId: ""), CancellationToken.None)).Record;
    }

    /// <summary>Runs the audit queue's function on what is waiting, as the queue trigger would.</summary>
    private static async Task DrainAuditAsync(IServiceProvider services)
    {
        var queue = services.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>().GetQueueClient(Core.Storage.QueueNames.Audit);
        var writer = ActivatorUtilities.CreateInstance<Bollebygd.Functions.Audit.AuditLogWriter>(services);
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                try
                {
                    await writer.Run(message.Body.ToObjectFromJson<Core.Audit.AuditEntry>(JsonSerializerOptions.Web)!, CancellationToken.None);
                }
                catch (Exception ex) when (ex is Core.Audit.InvalidAuditEntryException or JsonException or NullReferenceException)
                {
                    // Other tests' deliberately broken entries: not ours.
                }
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    private static HttpRequest Patch(string token, string? etag, object body)
    {
        var request = HttpRequests.Json(body);
        request.Method = "PATCH";
        request.Headers.Authorization = "Bearer " + token;
        if (etag is not null)
        {
            request.Headers.IfMatch = etag;
        }
        return request;
    }

    public void Dispose() => _provider.Dispose();
}
