using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Storage.Queues;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Catalog;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;
using Bollebygd.Functions.Http;
using Bollebygd.Functions.Intake;
using Bollebygd.TestSupport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Intake;

[Collection(StorageCollection.Name)]
public class SubmissionFunctionTests(AzuriteFixture azurite)
{
    private const string Kundtjanst = "kontakta-kundtjanst";

    private static object Question(string submissionId, string question = "Hur sorterar jag glas?") => new
    {
        submissionId,
        values = new { namn = "Anna Andersson", epost = "anna@example.se", fraga = question },
    };

    [Fact]
    public async Task Every_form_in_the_catalogue_can_be_filled_from_its_own_field_types_and_submitted()
    {
        using var services = AppServices.Build(azurite);
        var function = ActivatorUtilities.CreateInstance<SubmissionFunction>(services);
        var (upload, _) = await services.GetRequiredService<UploadService>().AcceptAsync(HttpRequests.Pdf(), "ritning.pdf", CancellationToken.None);
        var forms = services.GetRequiredService<ServiceCatalog>().All.Where(s => s.Kind == ServiceKind.Form).ToList();
        Assert.True(forms.Count >= 12, $"only {forms.Count} forms in the catalogue");

        foreach (var service in forms)
        {
            var body = new { submissionId = Guid.NewGuid().ToString(), values = FormFiller.ValidValues(service, upload!.Id) };
            var (status, json) = HttpRequests.Read(await function.Run(HttpRequests.Json(body, client: service.Id), service.Id, CancellationToken.None));

            Assert.True(status == 201, $"{service.Id}: {status} {json}");
            Assert.Matches(@"^KC-\d{4}-\d{6}$", json.GetProperty("caseReference").GetString());
            Assert.Contains("/arende.html#", json.GetProperty("trackingUrl").GetString());
            Assert.Equal("Inskickat", json.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task The_same_submission_id_twice_gives_the_same_case_and_one_receipt()
    {
        using var services = AppServices.Build(azurite);
        var function = ActivatorUtilities.CreateInstance<SubmissionFunction>(services);
        var submissionId = Guid.NewGuid().ToString();
        await services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.OutgoingMail).ClearMessagesAsync();

        var first = HttpRequests.Read(await function.Run(HttpRequests.Json(Question(submissionId)), Kundtjanst, CancellationToken.None));
        var second = HttpRequests.Read(await function.Run(HttpRequests.Json(Question(submissionId)), Kundtjanst, CancellationToken.None));

        Assert.Equal(201, first.Status);
        Assert.Equal(201, second.Status);
        Assert.Equal(first.Body.GetProperty("caseReference").GetString(), second.Body.GetProperty("caseReference").GetString());
        // The submission id is no key to the case: only the first answer (and the receipt mail) carries the link.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.Body.GetProperty("trackingUrl").ValueKind);
        var view = await services.GetRequiredService<CaseTrackingService>().GetAsync(Token(first.Body), CancellationToken.None);
        Assert.Equal(first.Body.GetProperty("caseReference").GetString(), view!.CaseReference);
        Assert.Equal(1, await ReceiptsFor(services, view.CaseReference));

        // The same id for another service is refused rather than answered with this case.
        var synpunkter = services.GetRequiredService<ServiceCatalog>().Find("synpunkter-och-felanmalan")!;
        var otherValues = FormFiller.ValidValues(synpunkter, "");
        otherValues.Remove("bild");
        var other = new { submissionId, values = otherValues };
        Assert.Equal([SubmissionService.SubmissionIdMessage],
            HttpRequests.FieldErrors(await function.Run(HttpRequests.Json(other), "synpunkter-och-felanmalan", CancellationToken.None), "submissionId"));
    }

    [Fact]
    public async Task Fifty_parallel_submissions_get_fifty_distinct_references_without_gaps()
    {
        using var services = AppServices.Build(azurite);
        var function = ActivatorUtilities.CreateInstance<SubmissionFunction>(services);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
            HttpRequests.Read(await function.Run(HttpRequests.Json(Question(Guid.NewGuid().ToString()), client: $"10.1.0.{i}"), Kundtjanst, CancellationToken.None)))));

        Assert.All(results, r => Assert.Equal(201, r.Status));
        var serials = results.Select(r =>
        {
            Assert.True(CaseReference.TryParse(r.Body.GetProperty("caseReference").GetString(), out var reference));
            return reference.Serial;
        }).Order().ToList();
        Assert.Equal(50, serials.Distinct().Count());
        Assert.Equal(Enumerable.Range(serials[0], 50), serials);
    }

    [Fact]
    public async Task A_wrong_personnummer_is_a_400_naming_that_field()
    {
        using var services = AppServices.Build(azurite);
        var function = ActivatorUtilities.CreateInstance<SubmissionFunction>(services);
        var service = services.GetRequiredService<ServiceCatalog>().Find("uppehall-i-avfallshamtning")!;
        var pnrField = service.Fields.First(f => f.Type == FieldType.Personnummer).Name;
        var values = FormFiller.ValidValues(service, "0".PadLeft(32, '0'));
        values[pnrField] = "811218-9875";

        var result = await function.Run(HttpRequests.Json(new { submissionId = Guid.NewGuid().ToString(), values }), service.Id, CancellationToken.None);

        Assert.Equal(["Kontrollera personnumret. Någon siffra verkar vara fel."], HttpRequests.FieldErrors(result, pnrField));
        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Contains("application/problem+json", problem.ContentTypes);
    }

    [Fact]
    public async Task The_honeypot_a_missing_submission_id_and_unknown_services_are_refused()
    {
        using var services = AppServices.Build(azurite);
        var function = ActivatorUtilities.CreateInstance<SubmissionFunction>(services);

        var bot = new { submissionId = Guid.NewGuid().ToString(), webbplats = "http://spam", values = new { namn = "x", epost = "x@example.se", fraga = "x" } };
        Assert.Equal([SubmissionService.HoneypotMessage], HttpRequests.FieldErrors(await function.Run(HttpRequests.Json(bot), Kundtjanst, CancellationToken.None), "webbplats"));

        var noId = new { values = new { namn = "x", epost = "x@example.se", fraga = "x" } };
        Assert.Equal([SubmissionService.SubmissionIdMessage], HttpRequests.FieldErrors(await function.Run(HttpRequests.Json(noId), Kundtjanst, CancellationToken.None), "submissionId"));

        Assert.Equal(404, HttpRequests.Read(await function.Run(HttpRequests.Json(Question(Guid.NewGuid().ToString())), "finns-inte", CancellationToken.None)).Status);
        Assert.Equal(404, HttpRequests.Read(await function.Run(HttpRequests.Json(Question(Guid.NewGuid().ToString())), "skolskjuts", CancellationToken.None)).Status);
        Assert.Equal(400, HttpRequests.Read(await function.Run(HttpRequests.Raw("{not json"u8.ToArray(), "application/json"), Kundtjanst, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_plain_html_form_post_is_answered_with_a_303_to_the_receipt_page()
    {
        using var services = AppServices.Build(azurite);
        var function = ActivatorUtilities.CreateInstance<SubmissionFunction>(services);

        var result = await function.Run(HttpRequests.Form([new("namn", "Bo"), new("epost", "bo@example.se"), new("fraga", "Hej"), new("webbplats", "")]),
            Kundtjanst, CancellationToken.None);

        var redirect = Assert.IsType<SeeOtherResult>(result);
        Assert.Matches(@"^/kvitto\.html\?arende=KC-\d{4}-\d{6}$", redirect.Location);

        // The same post again at once (a double click) is the same case; another citizen's post is not.
        var again = await function.Run(HttpRequests.Form([new("namn", "Bo"), new("epost", "bo@example.se"), new("fraga", "Hej"), new("webbplats", "")]),
            Kundtjanst, CancellationToken.None);
        Assert.Equal(redirect.Location, Assert.IsType<SeeOtherResult>(again).Location);
        var other = await function.Run(HttpRequests.Form([new("namn", "Bo"), new("epost", "bo@example.se"), new("fraga", "Hej")], client: "10.0.0.2"),
            Kundtjanst, CancellationToken.None);
        Assert.NotEqual(redirect.Location, Assert.IsType<SeeOtherResult>(other).Location);
    }

    [Fact]
    public async Task A_plain_html_form_post_with_errors_gets_an_html_page_listing_them()
    {
        using var services = AppServices.Build(azurite);
        var function = ActivatorUtilities.CreateInstance<SubmissionFunction>(services);

        var result = await function.Run(HttpRequests.Form([new("namn", "Bo"), new("epost", "inte-en-adress")]), Kundtjanst, CancellationToken.None);

        var page = Assert.IsType<ContentResult>(result);
        Assert.Equal(400, page.StatusCode);
        Assert.StartsWith("text/html", page.ContentType);
        Assert.Contains("<html lang=\"sv\">", page.Content);
        Assert.Contains("<strong>E-postadress:</strong> Skriv en e-postadress som namn@exempel.se.", page.Content);
        Assert.Contains("<strong>Din fråga:</strong> Fyll i din fråga.", page.Content);
        Assert.Contains("href=\"/e-tjanster/kontakta-kundtjanst.html\"", page.Content);
    }

    [Fact]
    public async Task A_multipart_post_carries_its_files_and_an_11_MB_file_is_refused_clearly()
    {
        using var services = AppServices.Build(azurite);
        var function = ActivatorUtilities.CreateInstance<SubmissionFunction>(services);
        MultipartFormDataContent Form(byte[] file)
        {
            var content = new MultipartFormDataContent
            {
                { new StringContent("Bo"), "namn" }, { new StringContent("bo@example.se"), "epost" }, { new StringContent("Se bilagan"), "fraga" },
            };
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(part, "bilaga", "brev.pdf");
            return content;
        }

        var accepted = await function.Run(HttpRequests.Multipart(Form(HttpRequests.Pdf())), Kundtjanst, CancellationToken.None);
        Assert.IsType<SeeOtherResult>(accepted);

        var before = await CountCasesAsync(services);
        var refused = Assert.IsType<ContentResult>(await function.Run(HttpRequests.Multipart(Form(HttpRequests.Pdf(11 * 1024 * 1024))), Kundtjanst, CancellationToken.None));
        Assert.Equal(400, refused.StatusCode);
        Assert.Contains(UploadPolicy.TooLarge, refused.Content);
        Assert.Equal(before, await CountCasesAsync(services)); // nothing was received
    }

    [Fact]
    public async Task One_client_sending_too_fast_gets_429_with_retry_after()
    {
        using var services = AppServices.Build(azurite, settings: new Dictionary<string, string?> { ["RateLimits:Submissions"] = "2" });
        var function = ActivatorUtilities.CreateInstance<SubmissionFunction>(services);

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(201, HttpRequests.Read(await function.Run(HttpRequests.Json(Question(Guid.NewGuid().ToString()), "10.9.9.9"), Kundtjanst, CancellationToken.None)).Status);
        }
        var request = HttpRequests.Json(Question(Guid.NewGuid().ToString()), "10.9.9.9");
        var limited = HttpRequests.Read(await function.Run(request, Kundtjanst, CancellationToken.None));

        Assert.Equal(429, limited.Status);
        Assert.Equal(ClientRateLimiter.TooManyRequests, limited.Body.GetProperty("title").GetString());
        Assert.True(int.Parse(request.HttpContext.Response.Headers.RetryAfter.ToString()) > 0);
        // Another client is not affected.
        Assert.Equal(201, HttpRequests.Read(await function.Run(HttpRequests.Json(Question(Guid.NewGuid().ToString()), "10.9.9.10"), Kundtjanst, CancellationToken.None)).Status);
    }

    private static async Task<int> CountCasesAsync(IServiceProvider services)
    {
        var table = services.GetRequiredService<Azure.Data.Tables.TableServiceClient>().GetTableClient(TableNames.Cases);
        var count = 0;
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.RowKey == "case", select: ["RowKey"]))
        {
            count++;
        }
        return count;
    }

    internal static string Token(JsonElement accepted) => accepted.GetProperty("trackingUrl").GetString()!.Split('#')[1];

    private static async Task<int> ReceiptsFor(IServiceProvider services, string reference)
    {
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.OutgoingMail);
        var cases = services.GetRequiredService<ICaseStore>();
        var count = 0;
        foreach (var message in (await queue.PeekMessagesAsync(32)).Value)
        {
            var mail = message.Body.ToObjectFromJson<OutgoingMail>(JsonSerializerOptions.Web)!;
            if (mail.Purpose == OutgoingMail.ReceiptPurpose
                && (await cases.GetAsync(mail.CaseId, CancellationToken.None))?.Case.Reference.ToString() == reference)
            {
                count++;
            }
        }
        return count;
    }
}
