using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues;
using Bollebygd.Core.Access;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Sms;
using Bollebygd.Core.Storage;
using Bollebygd.Functions.Sms;
using Bollebygd.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Staff;

/// <summary>Replies by SMS through a gateway that speaks HTTP, here a small one in the test that answers as told.</summary>
[Collection(StorageCollection.Name)]
public sealed class SmsReplyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly StaffUser Anna = StaffServices.User("anna-sms", StaffRole.Agent, "kundtjanst", "triage");
    private readonly ConcurrentQueue<(string Authorization, JsonElement Body)> _received = new();
    private WebApplication _gateway = null!;
    private int _port;
    private int _answer = 200;

    public async Task InitializeAsync()
    {
        _port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        _gateway = builder.Build();
        _gateway.MapPost("/sms", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            _received.Enqueue((context.Request.Headers.Authorization.ToString(), body));
            return Results.StatusCode(_answer);
        });
        await _gateway.StartAsync();
    }

    [Fact]
    public async Task A_reply_by_sms_goes_to_the_mobile_number_once_and_is_on_the_timeline()
    {
        using var services = Services();
        var record = await PhoneCaseAsync(services, "070-123 45 67");
        var replyId = Guid.NewGuid().ToString();

        Assert.IsType<CaseWorkOutcome.Done>(await services.GetRequiredService<CaseWorkService>().ReplyAsync(Anna, record.Case.Id, replyId,
            "Vi har lagat lampan.", ReplyChannel.Sms, CancellationToken.None));
        var sms = await SingleQueuedAsync(services);
        var function = ActivatorUtilities.CreateInstance<OutgoingSmsFunction>(services);
        await function.Run(sms, CancellationToken.None);
        await function.Run(sms, CancellationToken.None); // redelivered: not sent again

        var (authorization, body) = Assert.Single(_received);
        Assert.Equal("Bearer lokal-nyckel", authorization);
        Assert.Equal("+46701234567", body.GetProperty("to").GetString());
        Assert.Equal("Bollebygd", body.GetProperty("from").GetString());
        Assert.StartsWith("Vi har lagat lampan.", body.GetProperty("message").GetString());
        Assert.Contains(record.Case.Reference.ToString(), body.GetProperty("message").GetString());
        var after = (await services.GetRequiredService<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!;
        Assert.Contains(after.Timeline, e => e.Id == "sent-sms-reply-" + replyId);
        Assert.Contains(after.Timeline, e => e.Kind == TimelineEntryKind.MunicipalityMessage && e.Text == "Vi har lagat lampan.");
    }

    [Fact]
    public async Task A_refused_number_is_on_the_timeline_and_a_gateway_that_is_down_is_tried_again_later()
    {
        using var services = Services();
        var function = ActivatorUtilities.CreateInstance<OutgoingSmsFunction>(services);
        var record = await PhoneCaseAsync(services, "0701234568");
        await services.GetRequiredService<CaseWorkService>().ReplyAsync(Anna, record.Case.Id, Guid.NewGuid().ToString(), "Hej", ReplyChannel.Sms, CancellationToken.None);
        var sms = await SingleQueuedAsync(services);

        _answer = 503;
        await function.Run(sms, CancellationToken.None);
        var properties = await services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.OutgoingSms).GetPropertiesAsync();
        Assert.Equal(1, properties.Value.ApproximateMessagesCount); // back on the queue, out of sight until its delay has passed

        _answer = 400;
        await function.Run(sms with { Attempt = 1 }, CancellationToken.None);
        var after = (await services.GetRequiredService<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!;
        Assert.Contains(after.Timeline, e => e.Id == sms.FailedEntryId && e.Text.Contains("kunde inte skickas"));
    }

    [Fact]
    public async Task Sms_is_refused_without_a_gateway_or_a_mobile_number()
    {
        using var services = Services();
        var work = services.GetRequiredService<CaseWorkService>();
        var landline = await PhoneCaseAsync(services, "033-43 00 00");
        var noMobile = Assert.IsType<CaseWorkOutcome.Invalid>(await work.ReplyAsync(Anna, landline.Case.Id, Guid.NewGuid().ToString(), "Hej", ReplyChannel.Sms, CancellationToken.None));
        Assert.Equal([Core.Cases.CaseReplyService.NoMobile], noMobile.Errors["channel"]);

        using var without = StaffServices.Build(azurite, new TestIdentityProvider());
        var mobile = await PhoneCaseAsync(without, "070-111 22 33");
        var off = Assert.IsType<CaseWorkOutcome.Invalid>(await without.GetRequiredService<CaseWorkService>().ReplyAsync(Anna, mobile.Case.Id,
            Guid.NewGuid().ToString(), "Hej", ReplyChannel.Sms, CancellationToken.None));
        Assert.Equal([Core.Cases.CaseReplyService.SmsOff], off.Errors["channel"]);
    }

    private ServiceProvider Services() => AppServices.Build(azurite, settings: new Dictionary<string, string?>
    {
        ["Sms:GatewayUrl"] = $"http://127.0.0.1:{_port}/sms",
        ["Sms:ApiKeySetting"] = "SmsGatewayKey",
        ["SmsGatewayKey"] = "lokal-nyckel",
    });

    private static async Task<CaseRecord> PhoneCaseAsync(IServiceProvider services, string phone)
    {
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.OutgoingSms);
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();
        return Assert.IsType<CaseWorkOutcome.Done>(await services.GetRequiredService<QuickRegistrationService>().RegisterAsync(Anna,
            new QuickRegistration(Guid.NewGuid().ToString(), Channel.Phone, "Siv Svensson", null, phone, "Gatlampa", "Lampan är trasig.", "kundtjanst", false),
            CancellationToken.None)).Record;
    }

    private static async Task<OutgoingSms> SingleQueuedAsync(IServiceProvider services)
    {
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.OutgoingSms);
        var message = Assert.Single((await queue.ReceiveMessagesAsync(32)).Value);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return message.Body.ToObjectFromJson<OutgoingSms>(JsonSerializerOptions.Web)!;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();
}
