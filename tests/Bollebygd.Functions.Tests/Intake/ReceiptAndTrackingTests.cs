using System.Text.Json;
using Azure.Storage.Queues;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;
using Bollebygd.Functions.Intake;
using Bollebygd.Functions.Mail;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Bollebygd.Functions.Tests.Intake;

[Collection(StorageCollection.Name)]
public class ReceiptAndTrackingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_receipt_mail_has_the_reference_the_private_link_and_a_summary_without_the_personnummer()
    {
        await using var smtp = new SmtpSink();
        using var services = AppServices.Build(azurite, settings: new Dictionary<string, string?>
        {
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = smtp.Port.ToString(),
            ["PublicBaseUrl"] = "https://kontakt.bollebygd.se",
        });
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.OutgoingMail);
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();
        var service = services.GetRequiredService<Core.Catalog.ServiceCatalog>().Find("uppehall-i-avfallshamtning")!;
        var (upload, _) = await services.GetRequiredService<UploadService>().AcceptAsync(HttpRequests.Pdf(), "intyg.pdf", CancellationToken.None);
        var accepted = HttpRequests.Read(await ActivatorUtilities.CreateInstance<SubmissionFunction>(services).Run(
            HttpRequests.Json(new { submissionId = Guid.NewGuid().ToString(), values = FormFiller.ValidValues(service, upload!.Id) }),
            service.Id, CancellationToken.None)).Body;
        var request = (await queue.ReceiveMessageAsync()).Value.Body.ToObjectFromJson<OutgoingMail>(JsonSerializerOptions.Web)!;
        var sender = ActivatorUtilities.CreateInstance<OutgoingMailFunction>(services);

        await sender.Run(request, CancellationToken.None);
        await sender.Run(request, CancellationToken.None); // redelivered: sends nothing more

        var raw = Assert.Single(smtp.Messages);
        var mail = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        var reference = accepted.GetProperty("caseReference").GetString()!;
        Assert.Equal($"[{reference}] Vi har tagit emot ditt ärende", mail.Subject);
        Assert.Equal("anna@example.se", mail.To.Mailboxes.Single().Address);
        Assert.Equal("kommunen@bollebygd.se", mail.From.Mailboxes.Single().Address);
        Assert.Equal(MessageIds.For("receipt", request.CaseId), "<" + mail.MessageId + ">");
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        var body = mail.TextBody;
        Assert.Contains(accepted.GetProperty("trackingUrl").GetString()!, body);
        Assert.StartsWith("https://kontakt.bollebygd.se/arende.html#", accepted.GetProperty("trackingUrl").GetString());
        Assert.Contains("19811218-****", body);
        Assert.DoesNotContain("198112189876", body);
        Assert.DoesNotContain("9876", body);
        Assert.Contains("intyg.pdf", body);

        var record = await services.GetRequiredService<ICaseStore>().GetAsync(request.CaseId, CancellationToken.None);
        Assert.Contains(record!.Timeline, e => e.Id == "sent-receipt" && e.MessageId == request.MessageId);
    }

    [Fact]
    public async Task The_status_page_shows_public_messages_and_takes_an_answer_with_a_file()
    {
        using var services = AppServices.Build(azurite);
        var (token, caseId) = await SubmitAsync(services);
        var functions = ActivatorUtilities.CreateInstance<TrackingFunctions>(services);
        var store = services.GetRequiredService<ICaseStore>();

        // The municipality asks for a complement and waits.
        var record = (await store.GetAsync(caseId, CancellationToken.None))!;
        await store.AppendAsync(record.Case, new TimelineEntry("ask", DateTimeOffset.UtcNow, TimelineEntryKind.MunicipalityMessage, "agent:anna",
            "Skicka gärna ett foto.", []), CaseStatus.AwaitingCitizen, CancellationToken.None);
        await store.AppendAsync((await store.GetAsync(caseId, CancellationToken.None))!.Case, new TimelineEntry("note", DateTimeOffset.UtcNow,
            TimelineEntryKind.InternalNote, "agent:anna", "Intern anteckning", []), null, CancellationToken.None);

        var (status, view) = HttpRequests.Read(await functions.Get(HttpRequests.WithToken(HttpRequests.Get(), token), CancellationToken.None));
        Assert.Equal(200, status);
        Assert.Equal("Väntar på komplettering", view.GetProperty("status").GetString());
        Assert.True(view.GetProperty("canReply").GetBoolean());
        var texts = view.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.Contains("Skicka gärna ett foto.", texts);
        Assert.DoesNotContain("Intern anteckning", texts);

        var (upload, _) = await services.GetRequiredService<UploadService>().AcceptAsync(HttpRequests.Pdf(), "foto.pdf", CancellationToken.None);
        var reply = HttpRequests.Read(await functions.Reply(HttpRequests.WithToken(HttpRequests.Json(new { text = "Här kommer fotot.", files = new[] { upload!.Id } }), token), CancellationToken.None));
        Assert.Equal(201, reply.Status);
        Assert.Equal("Kompletterad", reply.Body.GetProperty("status").GetString());

        var after = HttpRequests.Read(await functions.Get(HttpRequests.WithToken(HttpRequests.Get(), token), CancellationToken.None)).Body;
        var last = after.GetProperty("messages").EnumerateArray().Last();
        Assert.Equal("citizen", last.GetProperty("from").GetString());
        Assert.Equal("foto.pdf", last.GetProperty("attachments")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Empty_or_closed_or_unknown_is_refused_clearly()
    {
        using var services = AppServices.Build(azurite);
        var (token, caseId) = await SubmitAsync(services);
        var functions = ActivatorUtilities.CreateInstance<TrackingFunctions>(services);
        var store = services.GetRequiredService<ICaseStore>();

        Assert.Equal([SubmissionService.HoneypotMessage], HttpRequests.FieldErrors(
            await functions.Reply(HttpRequests.WithToken(HttpRequests.Json(new { text = "köp nu", webbplats = "http://spam" }), token), CancellationToken.None), "webbplats"));
        Assert.Equal([MessageContent.TextMissing], HttpRequests.FieldErrors(await functions.Reply(HttpRequests.WithToken(HttpRequests.Json(new { text = " " }), token), CancellationToken.None), "text"));
        Assert.Equal([MessageContent.FileMissing], HttpRequests.FieldErrors(await functions.Reply(HttpRequests.WithToken(HttpRequests.Json(new { text = "x", files = new[] { new string('a', 32) } }), token), CancellationToken.None), "files"));
        Assert.Equal(404, HttpRequests.Read(await functions.Get(HttpRequests.WithToken(HttpRequests.Get(), TrackingToken.Create()), CancellationToken.None)).Status);
        Assert.Equal(404, HttpRequests.Read(await functions.Get(HttpRequests.WithToken(HttpRequests.Get(), "not-a-token"), CancellationToken.None)).Status);

        var record = (await store.GetAsync(caseId, CancellationToken.None))!;
        await store.AppendAsync(record.Case, new TimelineEntry("done", DateTimeOffset.UtcNow, TimelineEntryKind.MunicipalityMessage, "agent:anna", "Klart!", []),
            CaseStatus.Closed, CancellationToken.None);
        Assert.Equal(409, HttpRequests.Read(await functions.Reply(HttpRequests.WithToken(HttpRequests.Json(new { text = "En fråga till" }), token), CancellationToken.None)).Status);
        Assert.Equal("Avslutat", HttpRequests.Read(await functions.Get(HttpRequests.WithToken(HttpRequests.Get(), token), CancellationToken.None)).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_change_based_on_a_stale_read_is_a_conflict_not_a_lost_update()
    {
        using var services = AppServices.Build(azurite);
        var (_, caseId) = await SubmitAsync(services);
        var store = services.GetRequiredService<ICaseStore>();
        var stale = (await store.GetAsync(caseId, CancellationToken.None))!.Case;

        await store.AppendAsync(stale, new TimelineEntry("first", DateTimeOffset.UtcNow, TimelineEntryKind.InternalNote, "a", "först", []), CaseStatus.InProgress, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.AppendAsync(stale, new TimelineEntry("second", DateTimeOffset.UtcNow, TimelineEntryKind.InternalNote, "b", "sen", []), CaseStatus.Closed, CancellationToken.None));
        Assert.Equal(CaseStatus.InProgress, (await store.GetAsync(caseId, CancellationToken.None))!.Case.Status);
    }

    private static async Task<(string Token, string CaseId)> SubmitAsync(IServiceProvider services)
    {
        var accepted = HttpRequests.Read(await ActivatorUtilities.CreateInstance<SubmissionFunction>(services).Run(
            HttpRequests.Json(new { submissionId = Guid.NewGuid().ToString(), values = new { namn = "Anna", epost = "anna@example.se", fraga = "Fråga" } }),
            "kontakta-kundtjanst", CancellationToken.None)).Body;
        var token = SubmissionFunctionTests.Token(accepted);
        var caseId = await services.GetRequiredService<ITrackingLinks>().FindCaseIdAsync(TrackingToken.Hash(token), CancellationToken.None);
        return (token, caseId!);
    }
}
