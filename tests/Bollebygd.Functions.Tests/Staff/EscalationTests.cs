using System.Text.Json;
using Azure.Storage.Queues;
using Bollebygd.Core.Access;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;
using Bollebygd.Functions.Tests.Mail;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Staff;

/// <summary>Escalation to a specialist group, and "för kännedom" copies that move nothing.</summary>
[Collection(StorageCollection.Name)]
public sealed class EscalationTests(AzuriteFixture azurite)
{
    private static readonly StaffUser Anna = StaffServices.User("anna-esc", StaffRole.Agent, "kundtjanst", "triage");

    [Fact]
    public async Task An_escalated_case_moves_to_the_specialists_as_escalated_once_and_teaches_the_router()
    {
        using var services = Services();
        var record = await RegisterAsync(services);
        var escalations = services.GetRequiredService<EscalationService>();
        var escalation = new Escalation(Guid.NewGuid().ToString(), "bygg-miljo", "Behöver en bygglovshandläggare.", CopyOnly: false);

        var done = Assert.IsType<CaseWorkOutcome.Done>(await escalations.EscalateAsync(Anna, record.Case.Id, escalation, CancellationToken.None));
        await escalations.EscalateAsync(Anna, record.Case.Id, escalation, CancellationToken.None); // a retry

        Assert.Equal("bygg-miljo", done.Record.Case.Group);
        Assert.Equal(CaseStatus.Escalated, done.Record.Case.Status);
        Assert.Null(done.Record.Case.Assignee);
        var stored = (await services.GetRequiredService<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!;
        Assert.Single(stored.Timeline, e => e.Text.StartsWith("Eskalerat till Bygg och miljö. Behöver en bygglovshandläggare.", StringComparison.Ordinal));
        Assert.IsType<CaseWorkOutcome.Forbidden>(await services.GetRequiredService<CaseWorkService>().GetCardAsync(Anna, record.Case.Id, CancellationToken.None));
        Assert.Contains(await services.GetRequiredService<Core.Routing.IRoutingExamples>().ListAsync(CancellationToken.None),
            e => e.GroupId == "bygg-miljo" && e.Text.Contains("Ville bygga ett garage."));
    }

    [Fact]
    public async Task A_copy_for_information_mails_the_groups_mailbox_a_link_and_moves_nothing()
    {
        using var services = Services();
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.OutgoingMail);
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();
        var record = await RegisterAsync(services);

        var done = Assert.IsType<CaseWorkOutcome.Done>(await services.GetRequiredService<EscalationService>().EscalateAsync(Anna, record.Case.Id,
            new Escalation(Guid.NewGuid().ToString(), "va-renhallning", "Gäller även en vattenläcka.", CopyOnly: true), CancellationToken.None));

        Assert.Equal("kundtjanst", done.Record.Case.Group);
        Assert.Contains(done.Record.Timeline, e => e.Text.StartsWith("För kännedom till Vatten, avlopp och renhållning.", StringComparison.Ordinal));
        var mail = (await queue.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToObjectFromJson<OutgoingMail>(JsonSerializerOptions.Web)!)
            .Single(m => m.CaseId == record.Case.Id);
        Assert.Equal("va@bollebygd.se", mail.To.Address);
        Assert.Contains($"/agent/#/arende/{record.Case.Id}", mail.TextBody);
        Assert.Contains("Gäller även en vattenläcka.", mail.TextBody);
        Assert.DoesNotContain("Greta Garage", mail.TextBody); // the citizen's details stay in the case
        Assert.StartsWith($"[{record.Case.Reference}]", mail.Subject);
    }

    [Fact]
    public async Task Escalating_to_an_unknown_or_the_same_group_is_refused()
    {
        using var services = Services();
        var record = await RegisterAsync(services);
        var escalations = services.GetRequiredService<EscalationService>();

        Assert.IsType<CaseWorkOutcome.Invalid>(await escalations.EscalateAsync(Anna, record.Case.Id,
            new Escalation(Guid.NewGuid().ToString(), "nej", null, false), CancellationToken.None));
        Assert.IsType<CaseWorkOutcome.Invalid>(await escalations.EscalateAsync(Anna, record.Case.Id,
            new Escalation(Guid.NewGuid().ToString(), "kundtjanst", null, false), CancellationToken.None));
    }

    private ServiceProvider Services() => AppServices.Build(azurite, settings: MailPipeline.SampleMailboxSettings());

    private static async Task<CaseRecord> RegisterAsync(IServiceProvider services) =>
        Assert.IsType<CaseWorkOutcome.Done>(await services.GetRequiredService<QuickRegistrationService>().RegisterAsync(Anna,
            new QuickRegistration(Guid.NewGuid().ToString(), Channel.Visit, "Greta Garage", null, null, "Garage", "Ville bygga ett garage.", "kundtjanst", false),
            CancellationToken.None)).Record;
}
