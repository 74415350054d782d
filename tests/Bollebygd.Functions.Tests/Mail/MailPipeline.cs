using System.Text.Json;
using Azure.Storage.Queues;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;
using Bollebygd.Functions.Mail;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Mail;

/// <summary>
/// The Function App's mail functions against Azurite and smtp4dev, driven step by step: poll the mailboxes, handle
/// what the poller queued, send what was queued for sending — each through the real function classes.
/// </summary>
public sealed class MailPipeline : IDisposable
{
    private MailPipeline(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public static async Task<MailPipeline> StartAsync(AzuriteFixture azurite, Smtp4Dev smtp4dev, Action<IServiceCollection>? configure = null,
        int? smtpPort = null)
    {
        var settings = SampleMailboxSettings();
        settings["Mail:SmtpHost"] = "127.0.0.1";
        settings["Mail:SmtpPort"] = (smtpPort ?? smtp4dev.SmtpPort).ToString();
        settings["Imap:Host"] = "127.0.0.1";
        settings["Imap:Port"] = smtp4dev.ImapPort.ToString();
        settings["Imap:Security"] = "None";
        settings["PublicBaseUrl"] = "https://kontakt.bollebygd.se";
        var pipeline = new MailPipeline(AppServices.Build(azurite, configure, settings));
        foreach (var name in (string[])[QueueNames.InboundMail, QueueNames.OutgoingMail])
        {
            var queue = pipeline.Queue(name);
            await queue.CreateIfNotExistsAsync();
            await queue.ClearMessagesAsync();
        }
        return pipeline;
    }

    /// <summary>The mailbox settings of local.settings.sample.json, as the Function App reads them.</summary>
    public static Dictionary<string, string?> SampleMailboxSettings()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json")));
        return document.RootElement.GetProperty("Values").EnumerateObject()
            .Where(p => p.Name.StartsWith("Mailboxes__", StringComparison.Ordinal) || p.Name.StartsWith("MailboxPassword_", StringComparison.Ordinal)
                        || p.Name.StartsWith("Mail__", StringComparison.Ordinal))
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => p.Value.GetString());
    }

    public QueueClient Queue(string name) => Services.GetRequiredService<QueueServiceClient>().GetQueueClient(name);

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Polls every mailbox once (as the timer would).</summary>
    public Task PollAsync() => ActivatorUtilities.CreateInstance<MailboxPollingFunction>(Services).Run(null!, CancellationToken.None);

    /// <summary>Runs the inbound-mail function on every queued message, as the queue trigger would; returns the messages.</summary>
    public async Task<List<InboundMailMessage>> HandleInboundAsync()
    {
        var function = ActivatorUtilities.CreateInstance<InboundMailFunction>(Services);
        var handled = new List<InboundMailMessage>();
        foreach (var message in await DrainAsync(QueueNames.InboundMail))
        {
            var inbound = message.ToObjectFromJson<InboundMailMessage>(JsonSerializerOptions.Web)!;
            await function.Run(inbound, CancellationToken.None);
            handled.Add(inbound);
        }
        return handled;
    }

    /// <summary>Polls, then handles what arrived, until a mail the test sent has been read (smtp4dev stores it a moment after SMTP).</summary>
    public async Task<List<InboundMailMessage>> ReceiveAsync(int expected = 1)
    {
        var handled = new List<InboundMailMessage>();
        var poller = Get<MailboxPoller>();
        await Eventually.ReturnsAsync(async () =>
        {
            var errors = (await poller.PollAllAsync(CancellationToken.None)).Where(r => r.Error is not null).ToList();
            Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Mailbox}: {e.Error}")));
            handled.AddRange(await HandleInboundAsync());
            return handled.Count;
        }, count => count >= expected, TimeSpan.FromSeconds(20), $"{expected} mail(s) read from the mailboxes");
        return handled;
    }

    /// <summary>The mail waiting to be sent, without sending it.</summary>
    public async Task<List<OutgoingMail>> PeekOutgoingAsync() =>
        (await Queue(QueueNames.OutgoingMail).PeekMessagesAsync(32)).Value
            .Select(m => m.Body.ToObjectFromJson<OutgoingMail>(JsonSerializerOptions.Web)!).ToList();

    /// <summary>Runs the outgoing-mail function on every queued mail; returns them.</summary>
    public async Task<List<OutgoingMail>> SendOutgoingAsync()
    {
        var function = ActivatorUtilities.CreateInstance<OutgoingMailFunction>(Services);
        var sent = new List<OutgoingMail>();
        foreach (var message in await DrainAsync(QueueNames.OutgoingMail))
        {
            var mail = message.ToObjectFromJson<OutgoingMail>(JsonSerializerOptions.Web)!;
            await function.Run(mail, CancellationToken.None);
            sent.Add(mail);
        }
        return sent;
    }

    private async Task<List<BinaryData>> DrainAsync(string queueName)
    {
        var queue = Queue(queueName);
        var bodies = new List<BinaryData>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32)).Value;
            if (batch.Length == 0)
            {
                return bodies;
            }
            foreach (var message in batch)
            {
                bodies.Add(message.Body);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    public void Dispose() => Services.Dispose();
}
