using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Operations;
using Bollebygd.Core.Registry;
using Bollebygd.Simulators.Registry;
using Bollebygd.TestSupport;

namespace Bollebygd.Functions.Tests.Registry;

/// <summary>
/// Diarieföring through the outbox against the Platina simulator: registered once with its documents, whatever
/// Platina does — down, refusing, answered before, asked for many cases at once.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class RegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_registrator_registers_a_case_and_it_gets_its_diary_number_with_the_case_as_a_readable_document()
    {
        await using var app = await RegistryHarness.StartAsync(azurite);
        var record = await app.NewCaseAsync();

        var outcome = await app.Get<RegistrationService>().RequestAsync(RegistryHarness.Registrator, record.Case.Id, CancellationToken.None);
        Assert.IsType<CaseWorkOutcome.Done>(outcome);
        await app.DrainAsync(new RegistrationRequest(record.Case.Id));

        var registered = (await app.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!;
        Assert.Matches(@"^KS \d{4}/1$", registered.Case.DiaryNumber);
        Assert.Contains(registered.Timeline, e => e.Id == RegistrationService.RegisteredEntryId && e.Text.Contains(registered.Case.DiaryNumber!));
        var inPlatina = Assert.Single(app.Simulators.Platina.All());
        Assert.Equal((record.Case.Reference.ToString(), 1, 10), (inPlatina.ExternalReference, inPlatina.DiaryId, inPlatina.CaseTypeId));
        Assert.Contains("19811218-****", inPlatina.Description); // no personnummer in the diary's description
        var document = Assert.Single(app.Simulators.Platina.DeedsOf(inPlatina.Id));
        Assert.Equal($"Ärende {record.Case.Reference}", document.Title);
        Assert.Single(document.Files);
        Assert.Equal(0, app.Simulators.Platina.Overlaps);

        // Asked again: nothing more happens in Platina.
        Assert.IsType<CaseWorkOutcome.Invalid>(await app.Get<RegistrationService>().RequestAsync(RegistryHarness.Registrator, record.Case.Id, CancellationToken.None));
        await app.DrainAsync(new RegistrationRequest(record.Case.Id));
        Assert.Single(app.Simulators.Platina.All());
    }

    [Fact]
    public async Task Platina_answering_503_ten_times_then_recovering_registers_the_case_exactly_once()
    {
        await using var app = await RegistryHarness.StartAsync(azurite);
        var record = await app.NewCaseAsync();
        app.Simulators.Platina.Faults.Set(new Simulators.SimulatedFaults(10, 503, null));

        var rounds = await app.DrainAsync(new RegistrationRequest(record.Case.Id));

        Assert.True(rounds > 1, "the first round should have met the outage");
        Assert.Single(app.Simulators.Platina.All());
        Assert.NotNull((await app.CaseAsync(record.Case.Id)).DiaryNumber);
        Assert.Null((await app.CaseAsync(record.Case.Id)).Attention);
    }

    [Fact]
    public async Task A_case_registered_before_an_answer_was_lost_is_found_by_its_reference_and_not_registered_again()
    {
        await using var app = await RegistryHarness.StartAsync(azurite);
        var record = await app.NewCaseAsync();
        var earlier = app.Simulators.Platina.Create(1, new NewPlatinaCase(null, null, null, 1, "Kontaktcenter", 10, 0, 0, null, "Fråga om parkering",
            null, [new PlatinaInitiator("Eva Exempel", null, null)], record.Case.Reference.ToString()), DateOnly.FromDateTime(DateTime.Today));

        await app.DrainAsync(new RegistrationRequest(record.Case.Id));

        Assert.Single(app.Simulators.Platina.All());
        Assert.Equal(earlier.DiaryNumber, (await app.CaseAsync(record.Case.Id)).DiaryNumber);
        Assert.Single(app.Simulators.Platina.DeedsOf(earlier.Id)); // its documents are attached to the one case
    }

    [Fact]
    public async Task Many_registrations_at_once_are_written_to_platina_one_at_a_time()
    {
        await using var app = await RegistryHarness.StartAsync(azurite);
        var records = new List<CaseRecord>();
        for (var i = 0; i < 6; i++)
        {
            records.Add(await app.NewCaseAsync($"Ärende nummer {i}"));
        }

        await Task.WhenAll(records.Select(r => app.DrainAsync(new RegistrationRequest(r.Case.Id), maxRounds: 400)));

        Assert.Equal(0, app.Simulators.Platina.Overlaps);
        Assert.Equal(6, app.Simulators.Platina.All().Count);
        Assert.Equal(6, app.Simulators.Platina.All().Select(c => c.DiaryNumber).Distinct().Count());
    }

    [Fact]
    public async Task A_registration_platina_refuses_flags_the_case_and_is_not_retried()
    {
        await using var app = await RegistryHarness.StartAsync(azurite);
        var record = await app.NewCaseAsync();
        app.Simulators.Platina.Faults.Set(new Simulators.SimulatedFaults(1, 400, null));

        var rounds = await app.DrainAsync(new RegistrationRequest(record.Case.Id));

        Assert.Equal(1, rounds);
        var flagged = await app.CaseAsync(record.Case.Id);
        Assert.StartsWith("Diarieföringen gick inte", flagged.Attention);
        Assert.Null(flagged.DiaryNumber);
        Assert.Empty(app.Simulators.Platina.All());
    }

    [Fact]
    public async Task A_platina_that_never_comes_back_ends_in_a_flag_on_the_case_and_an_operator_alert()
    {
        await using var app = await RegistryHarness.StartAsync(azurite, clientSecret: "wrong-secret");
        var record = await app.NewCaseAsync();

        var handled = await app.Get<RegistrationService>().HandleAsync(new RegistrationRequest(record.Case.Id, OutboxRetryPolicy.MaxAttempts),
            CancellationToken.None);

        Assert.Null(handled);
        Assert.StartsWith("Diarieföringen i Platina misslyckades efter flera timmars försök", (await app.CaseAsync(record.Case.Id)).Attention);
        var alerts = await app.Get<IOperatorAlerts>().ListOpenAsync(CancellationToken.None);
        Assert.Contains(alerts, a => a.Source == $"registry-{record.Case.Id}" && a.Kind == OperatorAlertKinds.RegistryFailed);
    }

    [Fact]
    public async Task Moving_an_edp_case_to_platina_carries_its_documents_and_links_both_ways()
    {
        await using var app = await RegistryHarness.StartAsync(azurite);
        var record = await app.NewCaseAsync("Bygglov till nämnden");

        Assert.IsType<CaseWorkOutcome.Invalid>(await app.Get<RegistrationService>().MoveFromEdpAsync(RegistryHarness.Registrator, record.Case.Id,
            "inte/ett/nummer", CancellationToken.None));
        Assert.IsType<CaseWorkOutcome.Done>(await app.Get<RegistrationService>().MoveFromEdpAsync(RegistryHarness.Registrator, record.Case.Id,
            "BMN-2026-0142", CancellationToken.None));
        await app.DrainAsync(new RegistrationRequest(record.Case.Id));
        await app.DrainAsync(new RegistrationRequest(record.Case.Id)); // redelivered: nothing twice

        var moved = await app.CaseAsync(record.Case.Id);
        var inPlatina = Assert.Single(app.Simulators.Platina.All());
        Assert.Equal(("Bygglov för tillbyggnad, Bollebygd Hulta 1:23", 2, 20), (inPlatina.Title, inPlatina.DiaryId, inPlatina.CaseTypeId));
        Assert.Equal(["Ärende " + record.Case.Reference, "ansokan.txt", "tjansteskrivelse.txt"],
            app.Simulators.Platina.DeedsOf(inPlatina.Id).Select(d => d.Title));
        Assert.Equal(moved.DiaryNumber, app.Simulators.Edp.Case("BMN-2026-0142")!.PlatinaReference);
        Assert.Equal("BMN-2026-0142", moved.EdpCaseId);
    }

    [Fact]
    public async Task A_bygglov_is_registered_on_arrival_in_the_building_committees_diary_with_its_drawing()
    {
        await using var app = await RegistryHarness.StartAsync(azurite);
        var (upload, _) = await app.Get<UploadService>().AcceptAsync(Intake.HttpRequests.Pdf(), "ritning.pdf", CancellationToken.None);
        var bygglov = app.Get<Core.Catalog.ServiceCatalog>().Find("bygglov")!;
        var function = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<Functions.Intake.SubmissionFunction>(app.Services);
        var (status, json) = Intake.HttpRequests.Read(await function.Run(Intake.HttpRequests.Json(
            new { submissionId = Guid.NewGuid().ToString(), values = Intake.FormFiller.ValidValues(bygglov, upload!.Id) }, client: "bygglov"),
            "bygglov", CancellationToken.None));
        Assert.Equal(201, status);
        var record = (await app.Get<ICaseStore>().FindByReferenceAsync(
            CaseReference.TryParse(json.GetProperty("caseReference").GetString(), out var reference) ? reference : default, CancellationToken.None))!;

        Assert.Contains(record.Timeline, e => e.Id == RegistrationService.RequestedEntryId);
        await app.DrainAsync(new RegistrationRequest(record.Case.Id));

        var inPlatina = Assert.Single(app.Simulators.Platina.All());
        Assert.Equal((2, 20), (inPlatina.DiaryId, inPlatina.CaseTypeId)); // Bygg- och miljönämnden, Bygglov
        Assert.Matches(@"^BMN \d{4}/1$", (await app.CaseAsync(record.Case.Id)).DiaryNumber);
        Assert.Contains(app.Simulators.Platina.DeedsOf(inPlatina.Id), d => d.Title == "ritning.pdf" && d.Files.Single().ContentType == "application/pdf");
    }

    [Fact]
    public async Task A_case_that_came_by_mail_carries_the_mail_as_it_came_into_platina()
    {
        await using var app = await RegistryHarness.StartAsync(azurite);
        var messageId = $"<{Guid.NewGuid():N}@example.se>";
        var raw = System.Text.Encoding.UTF8.GetBytes($"Message-ID: {messageId}\r\nFrom: eva@example.se\r\nSubject: Brunnen\r\n\r\nBrunnen svämmar över.\r\n");
        await app.Get<Core.Mail.IRawMailStore>().SaveAsync(Core.Mail.InboundMailKey.For(messageId, default).Key, raw, CancellationToken.None);
        var id = Guid.NewGuid().ToString("N");
        var @case = new Case(id, new CaseReference(2003, Random.Shared.Next(1, 999_999)), Channel.Email, null, null, "Brunnen", "kundtjanst",
            CaseStatus.Received, DateTimeOffset.UtcNow, [new Party(Party.Applicant, "Eva", "eva@example.se", null, null)], null);
        await app.Get<ICaseStore>().CreateAsync(@case, [new TimelineEntry("received", DateTimeOffset.UtcNow, TimelineEntryKind.Received, "citizen",
            "Brunnen svämmar över.", [], messageId)], CancellationToken.None);

        Assert.IsType<CaseWorkOutcome.Done>(await app.Get<RegistrationService>().RequestAsync(RegistryHarness.Registrator, id, CancellationToken.None));
        await app.DrainAsync(new RegistrationRequest(id));

        var deeds = app.Simulators.Platina.DeedsOf(app.Simulators.Platina.All().Single().Id);
        var mail = Assert.Single(deeds, d => d.Title == "E-post från den som skrev");
        Assert.Equal(("meddelande.eml", "message/rfc822", raw.Length), (mail.Files.Single().Name, mail.Files.Single().ContentType, (int)mail.Files.Single().Size));
    }

    [Fact]
    public async Task A_requested_case_waits_on_the_registrators_list_of_every_group_until_it_has_its_number()
    {
        await using var app = await RegistryHarness.StartAsync(azurite);
        var record = await app.NewCaseAsync();
        var lists = app.Get<CaseListService>();
        Assert.IsType<CaseWorkOutcome.Done>(await app.Get<RegistrationService>().RequestAsync(RegistryHarness.Registrator, record.Case.Id,
            CancellationToken.None));

        var waiting = await lists.ListAsync(RegistryHarness.Registrator, CaseListView.ToRegister, null, 1, 100, CancellationToken.None);
        Assert.Contains(waiting!.Items, i => i.Id == record.Case.Id && i.AwaitingRegistration);
        Assert.Null(await lists.ListAsync(RegistryHarness.Agent, CaseListView.ToRegister, null, 1, 100, CancellationToken.None));

        await app.DrainAsync(new RegistrationRequest(record.Case.Id));
        var after = await lists.ListAsync(RegistryHarness.Registrator, CaseListView.ToRegister, null, 1, 100, CancellationToken.None);
        Assert.DoesNotContain(after!.Items, i => i.Id == record.Case.Id);
    }

    [Fact]
    public async Task A_registrator_may_not_reach_a_secret_case_of_another_group_through_a_registration()
    {
        await using var app = await RegistryHarness.StartAsync(azurite);
        var record = await app.NewCaseAsync();
        var store = app.Get<ICaseStore>();
        await store.UpdateAsync(record.Case, record.Case with { Secret = true },
            new TimelineEntry("secret", DateTimeOffset.UtcNow, TimelineEntryKind.Event, "system", "Sekretessmarkerat.", []), CancellationToken.None);

        Assert.IsType<CaseWorkOutcome.Forbidden>(await app.Get<RegistrationService>().RequestAsync(RegistryHarness.Registrator, record.Case.Id,
            CancellationToken.None));
        Assert.IsType<CaseWorkOutcome.Forbidden>(await app.Get<RegistrationService>().MoveFromEdpAsync(RegistryHarness.Registrator, record.Case.Id,
            "BMN-2026-0142", CancellationToken.None));
    }

    [Fact]
    public async Task Only_registrators_leads_and_admins_may_ask_for_a_registration()
    {
        await using var app = await RegistryHarness.StartAsync(azurite);
        var record = await app.NewCaseAsync();

        Assert.IsType<CaseWorkOutcome.Forbidden>(await app.Get<RegistrationService>().RequestAsync(RegistryHarness.Agent, record.Case.Id,
            CancellationToken.None));
        Assert.DoesNotContain((await app.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!.Timeline,
            e => e.Id == RegistrationService.RequestedEntryId);
    }
}
