using System.Text.Json;
using Azure.Storage.Queues;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;
using Bollebygd.Functions.Mail;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Mail;

/// <summary>The outgoing-mail sender's failure paths: a server that is down, one that refuses, and giving up.</summary>
[Collection(StorageCollection.Name)]
public class OutgoingMailTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_mail_the_server_cannot_take_now_is_queued_again_with_a_delay()
    {
        using var services = Services(smtpPort: FreePort.Next()); // nothing listens there
        var queue = await OutgoingQueueAsync(services);
        var mail = await MailForNewCaseAsync(services);

        await ActivatorUtilities.CreateInstance<OutgoingMailFunction>(services).Run(mail, CancellationToken.None);

        Assert.Empty((await queue.PeekMessagesAsync(32)).Value); // not visible yet: it waits out its backoff
        var record = (await services.GetRequiredService<ICaseStore>().GetAsync(mail.CaseId, CancellationToken.None))!;
        Assert.DoesNotContain(record.Timeline, e => e.Id == mail.SentEntryId);
        var properties = await queue.GetPropertiesAsync();
        Assert.Equal(1, properties.Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task After_the_last_attempt_the_failure_is_left_to_the_poison_queue()
    {
        using var services = Services(smtpPort: FreePort.Next());
        var mail = await MailForNewCaseAsync(services) with { Attempt = MailRetryPolicy.MaxAttempts };

        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() =>
            ActivatorUtilities.CreateInstance<OutgoingMailFunction>(services).Run(mail, CancellationToken.None));
    }

    [Fact]
    public async Task A_refusal_for_good_is_written_on_the_timeline_and_not_retried()
    {
        await using var smtp = new SmtpSink { RejectRecipients = true };
        using var services = Services(smtp.Port);
        var queue = await OutgoingQueueAsync(services);
        var mail = await MailForNewCaseAsync(services);
        var function = ActivatorUtilities.CreateInstance<OutgoingMailFunction>(services);

        await function.Run(mail, CancellationToken.None);
        await function.Run(mail, CancellationToken.None); // redelivered: not tried again

        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var record = (await services.GetRequiredService<ICaseStore>().GetAsync(mail.CaseId, CancellationToken.None))!;
        var failed = Assert.Single(record.Timeline, e => e.Id == "failed-" + mail.Purpose);
        Assert.Contains("kunde inte skickas", failed.Text);
        Assert.Contains("550", failed.Text);
        Assert.DoesNotContain(record.Timeline, e => e.Id == mail.SentEntryId);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task Two_handlers_of_the_same_mail_at_once_send_it_once()
    {
        await using var smtp = new SmtpSink();
        using var services = Services(smtp.Port);
        var mail = await MailForNewCaseAsync(services);
        var sender = services.GetRequiredService<OutgoingMailService>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => sender.SendAsync(mail, CancellationToken.None)));

        Assert.Single(smtp.Messages);
        Assert.Single(outcomes, o => o is MailDelivery.Sent);
        Assert.All(outcomes, o => Assert.True(o is MailDelivery.Sent or MailDelivery.AlreadySent or MailDelivery.RetryLater));
    }

    [Fact]
    public async Task An_address_that_is_no_address_is_refused_without_retries()
    {
        await using var smtp = new SmtpSink();
        using var services = Services(smtp.Port);
        var mail = await MailForNewCaseAsync(services);

        var outcome = await services.GetRequiredService<OutgoingMailService>().SendAsync(
            mail with { To = new MailContact("inte en adress", "Eva") }, CancellationToken.None);

        Assert.IsType<MailDelivery.Rejected>(outcome);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task A_reminder_the_server_cannot_take_on_a_friday_afternoon_is_tried_again_on_monday_morning()
    {
        var friday = DateTimeOffset.Parse("2026-11-27T14:59:30+01:00");
        using var services = AppServices.Build(azurite, s => s.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(friday)),
            new Dictionary<string, string?> { ["Mail:SmtpHost"] = "127.0.0.1", ["Mail:SmtpPort"] = FreePort.Next().ToString() });
        var receipt = await MailForNewCaseAsync(services);
        var reminder = receipt with { Purpose = OutgoingMail.ReminderPurposePrefix + "warn-firstresponse-1-g-kundtjanst" };

        var service = services.GetRequiredService<OutgoingMailService>();
        var retry = Assert.IsType<MailDelivery.RetryLater>(await service.SendAsync(reminder, CancellationToken.None));
        var ordinary = Assert.IsType<MailDelivery.RetryLater>(await service.SendAsync(receipt, CancellationToken.None));

        // The office closes at 15:00 on Fridays: the reminder waits for Monday 08:00; a receipt goes on trying.
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T08:00+01:00"), friday + retry.Delay);
        Assert.Equal(MailRetryPolicy.DelayAfter(0), ordinary.Delay);
    }

    [Fact]
    public void The_backoff_grows_and_ends()
    {
        var delays = Enumerable.Range(0, MailRetryPolicy.MaxAttempts).Select(a => MailRetryPolicy.DelayAfter(a)!.Value).ToList();
        Assert.Equal(delays.Order(), delays);
        Assert.True(delays[0] >= TimeSpan.FromMinutes(1));
        Assert.Null(MailRetryPolicy.DelayAfter(MailRetryPolicy.MaxAttempts));
    }

    private ServiceProvider Services(int smtpPort) => AppServices.Build(azurite, settings: new Dictionary<string, string?>
    {
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = smtpPort.ToString(),
    });

    private static async Task<QueueClient> OutgoingQueueAsync(IServiceProvider services)
    {
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.OutgoingMail);
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();
        return queue;
    }

    /// <summary>A case with an applicant, and the receipt mail for it (not queued).</summary>
    private static async Task<OutgoingMail> MailForNewCaseAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<ICaseStore>();
        var id = Guid.NewGuid().ToString("N");
        var @case = new Case(id, new CaseReference(2001, Random.Shared.Next(1, 999_999)), Channel.Email, null, null, "Fråga", "kundtjanst",
            CaseStatus.Received, DateTimeOffset.UtcNow, [new Party(Party.Applicant, "Eva", "eva@example.se", null, null)], null);
        await store.CreateAsync(@case, [], CancellationToken.None);
        var mailbox = services.GetRequiredService<FunctionMailboxes>().Default;
        return Core.Intake.ReceiptMails.ForEmail(@case, "Fråga", "<q1@example.se>", "https://kontakt.bollebygd.se/arende.html#x", mailbox);
    }
}
