using Bollebygd.Core.Cases;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Operations;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Bollebygd.Functions.Tests.Mail;

/// <summary>
/// The e-mail channel against real servers: smtp4dev's SMTP and IMAP (mailbox kommunen@ from the sample settings)
/// and Azurite. Each test sends mail the way a citizen's mail program does and runs the poller, the inbound-mail
/// handler and the outgoing-mail sender through their function classes.
/// </summary>
[Collection(StorageCollection.Name)]
public class MailChannelTests(AzuriteFixture azurite, Smtp4DevFixture smtp) : IClassFixture<Smtp4DevFixture>
{
    private const string Kommunen = "kommunen@bollebygd.se";

    private Smtp4Dev Server => smtp.Server;

    [Fact]
    public async Task A_mail_to_a_function_mailbox_becomes_a_case_and_its_receipt_answers_the_mail()
    {
        using var pipeline = await MailPipeline.StartAsync(azurite, Server);
        var sent = CitizenMail("lisa@example.se", "Lisa Ek", Kommunen, "Trasig gatlampa på Storgatan", "Lampan utanför nummer 12 är trasig sedan en vecka.");
        sent.ReplyTo.Add(MailboxAddress.Parse("annan@example.se")); // anyone can set Reply-To: the receipt goes to From
        await Server.SendAsync(sent);

        var handled = Assert.Single(await pipeline.ReceiveAsync());
        var record = await CaseByMessageIdAsync(pipeline, handled);

        Assert.Equal(Channel.Email, record.Case.Channel);
        // kommunen@ is a general mailbox: the router reads the mail and places it with streets and traffic.
        Assert.Equal("gata-trafik", record.Case.Group);
        Assert.Contains(record.Timeline, e => e.Id == "routed" && e.Text.Contains("fördelningsmotorn"));
        Assert.Equal(Kommunen, record.Case.Mailbox);
        Assert.Equal("Trasig gatlampa på Storgatan", record.Case.Title);
        Assert.Equal(CaseStatus.Received, record.Case.Status);
        Assert.Equal("lisa@example.se", record.Case.Applicant!.Email);
        Assert.Equal("Lisa Ek", record.Case.Applicant.Name);
        var received = Assert.Single(record.Timeline, e => e.Kind == TimelineEntryKind.Received);
        Assert.Contains("Lampan utanför nummer 12", received.Text);
        Assert.Equal("<" + sent.MessageId + ">", received.MessageId);

        Assert.Single(await pipeline.SendOutgoingAsync());
        var receipt = await Server.WaitForMessageAsync($"[{record.Case.Reference}]", TimeSpan.FromSeconds(10));
        Assert.Single(await Server.SubjectsAsync(), s => s.Contains(record.Case.Reference.ToString(), StringComparison.Ordinal));
        Assert.Equal($"Sv: [{record.Case.Reference}] Trasig gatlampa på Storgatan", receipt.Subject);
        Assert.Equal(Kommunen, receipt.From.Mailboxes.Single().Address);
        Assert.Equal("lisa@example.se", receipt.To.Mailboxes.Single().Address);
        Assert.Equal(sent.MessageId, receipt.InReplyTo);
        Assert.Equal(MessageIds.For("receipt", record.Case.Id), "<" + receipt.MessageId + ">");
        Assert.Equal("auto-generated", receipt.Headers[HeaderId.AutoSubmitted]);
        Assert.Contains("https://kontakt.bollebygd.se/arende.html#", receipt.TextBody);
        Assert.Contains(record.Case.Reference.ToString(), receipt.TextBody);

        var after = (await pipeline.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!;
        Assert.Contains(after.Timeline, e => e.Id == "sent-receipt" && e.Text.Contains("lisa@example.se"));
    }

    [Fact]
    public async Task The_citizens_answer_threads_onto_the_case_by_the_reference_or_by_the_headers()
    {
        using var pipeline = await MailPipeline.StartAsync(azurite, Server);
        await Server.SendAsync(CitizenMail("olle@example.se", "Olle", Kommunen, "Fråga om bygglov", "Behöver jag bygglov för ett förråd?"));
        var record = await CaseByMessageIdAsync(pipeline, Assert.Single(await pipeline.ReceiveAsync()));
        var receipt = Assert.Single(await pipeline.SendOutgoingAsync());

        // An answer with the reference in the subject (and no threading headers at all).
        await Server.SendAsync(CitizenMail("olle@example.se", "Olle", Kommunen, $"Sv: [{record.Case.Reference}] Fråga om bygglov", "Förrådet blir 12 kvadratmeter."));
        // An answer whose subject lost the reference, but whose headers answer our receipt.
        var byHeaders = CitizenMail("olle@example.se", "Olle", Kommunen, "Ett foto till", "Här kommer en till rad.");
        byHeaders.InReplyTo = receipt.MessageId.Trim('<', '>');
        byHeaders.References.Add(receipt.MessageId.Trim('<', '>'));
        await Server.SendAsync(byHeaders);
        await pipeline.ReceiveAsync(expected: 2);

        var after = (await pipeline.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!;
        var answers = after.Timeline.Where(e => e.Kind == TimelineEntryKind.CitizenMessage).Select(e => e.Text).ToList();
        Assert.Contains("Förrådet blir 12 kvadratmeter.", answers);
        Assert.Contains("Här kommer en till rad.", answers);
        Assert.Empty(await pipeline.PeekOutgoingAsync()); // answers to a case get no new receipt
    }

    [Fact]
    public async Task An_auto_reply_is_kept_but_gets_no_receipt_and_an_out_of_office_lands_on_its_case()
    {
        using var pipeline = await MailPipeline.StartAsync(azurite, Server);
        var autoReply = CitizenMail("semester@example.se", "Per", Kommunen, "Automatiskt svar: Inte på kontoret", "Jag är tillbaka på måndag.");
        autoReply.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        await Server.SendAsync(autoReply);
        var outcome = await pipeline.Get<InboundMailService>().ProcessAsync(Assert.Single(await pipeline.ReceiveAsync()), CancellationToken.None);

        var newCase = Assert.IsType<InboundMailOutcome.NewCase>(outcome); // a redelivery: the same case, still no receipt
        Assert.False(newCase.ReceiptQueued);
        Assert.Empty(await pipeline.PeekOutgoingAsync());
        // Nobody can answer an auto-reply from the case by mistake: it has no address to answer.
        Assert.IsType<CaseReplyOutcome.Invalid>(await pipeline.Get<CaseReplyService>().ReplyAsync(newCase.CaseId, Guid.NewGuid().ToString(),
            "Hej", "agent:anna", CancellationToken.None));

        // An out-of-office answering a receipt of ours is put on that case, not answered.
        await Server.SendAsync(CitizenMail("karin@example.se", "Karin", Kommunen, "Felanmälan", "Vattnet är brunt."));
        var record = await CaseByMessageIdAsync(pipeline, Assert.Single(await pipeline.ReceiveAsync()));
        var receipt = Assert.Single(await pipeline.SendOutgoingAsync());
        var outOfOffice = CitizenMail("karin@example.se", "Karin", Kommunen, "Frånvaro: " + receipt.Subject, "Jag har semester.");
        outOfOffice.Headers.Add("X-Autoreply", "yes");
        outOfOffice.InReplyTo = receipt.MessageId.Trim('<', '>');
        await Server.SendAsync(outOfOffice);
        await pipeline.ReceiveAsync();

        var after = (await pipeline.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!;
        var entry = Assert.Single(after.Timeline, e => e.Text.StartsWith("Automatiskt svar", StringComparison.Ordinal));
        Assert.Equal(TimelineEntryKind.Event, entry.Kind);
        Assert.False(entry.IsPublic);
        Assert.Equal(CaseStatus.Received, after.Case.Status);
        Assert.Empty(await pipeline.PeekOutgoingAsync());
    }

    [Fact]
    public async Task A_bounced_receipt_lands_on_its_case_and_is_not_answered()
    {
        using var pipeline = await MailPipeline.StartAsync(azurite, Server);
        await Server.SendAsync(CitizenMail("fel@example.se", "Fel Adress", Kommunen, "Hej", "En fråga."));
        var record = await CaseByMessageIdAsync(pipeline, Assert.Single(await pipeline.ReceiveAsync()));
        var receipt = Assert.Single(await pipeline.SendOutgoingAsync());

        await Server.SendRawAsync("", Kommunen, $"""
            From: Mail Delivery System <MAILER-DAEMON@example.se>
            To: {Kommunen}
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <bounce-{Guid.NewGuid():N}@example.se>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain

            Your message could not be delivered to fel@example.se.
            --b1
            Content-Type: message/delivery-status

            Final-Recipient: rfc822; fel@example.se
            Action: failed
            Status: 5.1.1
            --b1
            Content-Type: text/rfc822-headers

            From: Bollebygds kommun <kommunen@bollebygd.se>
            To: fel@example.se
            Message-ID: {receipt.MessageId}
            Subject: {receipt.Subject}
            --b1--
            """);
        await pipeline.ReceiveAsync();

        var after = (await pipeline.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!;
        Assert.Contains(after.Timeline, e => e.Kind == TimelineEntryKind.Event && e.Text.StartsWith("Ett meddelande kunde inte levereras", StringComparison.Ordinal));
        Assert.Empty(await pipeline.PeekOutgoingAsync());
    }

    [Fact]
    public async Task A_message_without_a_readable_sender_is_stored_and_flagged_for_staff_and_never_answered()
    {
        using var pipeline = await MailPipeline.StartAsync(azurite, Server);
        await Server.SendRawAsync("trasig@example.se", Kommunen, $"""
            To: {Kommunen}
            Subject: =?utf-8?B?broken
            Content-Type: multipart/mixed; boundary="never-closed"

            --never-closed
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            !!! inte base64 !!!
            """);

        var handled = Assert.Single(await pipeline.ReceiveAsync());
        var record = await CaseByMessageIdAsync(pipeline, handled);

        Assert.Equal(InboundMailService.UnreadableTitle, record.Case.Title);
        Assert.NotNull(record.Case.Attention);
        Assert.Contains("kunde inte läsas", record.Case.Attention);
        Assert.EndsWith("@" + InboundMailKey.MissingIdDomain + ">", handled.MessageId);
        var raw = await pipeline.Get<IRawMailStore>().ReadAsync(handled.Key, CancellationToken.None);
        Assert.Contains("inte base64", System.Text.Encoding.UTF8.GetString(raw!.Value.Span));
        Assert.Empty(await pipeline.PeekOutgoingAsync());
    }

    [Fact]
    public async Task Broken_mime_from_a_sender_is_still_a_case_with_whatever_text_could_be_read()
    {
        using var pipeline = await MailPipeline.StartAsync(azurite, Server);
        await Server.SendRawAsync("slarvig@example.se", Kommunen, $"""
            From: Slarvig <slarvig@example.se>
            To: {Kommunen}
            Subject: Trasig MIME
            Message-ID: <{Guid.NewGuid():N}@example.se>
            Content-Type: multipart/mixed; boundary="never-closed"

            --never-closed
            Content-Type: text/plain; charset=utf-8

            Gatlampan lyser inte.
            --never-closed
            Content-Type: application/pdf; name="trasig.pdf"
            Content-Transfer-Encoding: base64

            !!! inte base64 !!!
            """);

        var record = await CaseByMessageIdAsync(pipeline, Assert.Single(await pipeline.ReceiveAsync()));

        Assert.Equal("Trasig MIME", record.Case.Title);
        Assert.Null(record.Case.Attention);
        var received = Assert.Single(record.Timeline, e => e.Kind == TimelineEntryKind.Received);
        Assert.StartsWith("Gatlampan lyser inte.", received.Text);
        Assert.Contains("trasig.pdf", received.Text); // its bytes are no PDF: refused, named, kept in the raw mail
        Assert.Single(await pipeline.PeekOutgoingAsync());
    }

    [Fact]
    public async Task A_crash_after_fetching_and_before_flagging_does_not_make_a_second_case()
    {
        var crashing = new CrashingMailboxReader();
        using var pipeline = await MailPipeline.StartAsync(azurite, Server, services =>
            services.AddSingleton<IMailboxReader>(sp => crashing.Around(ActivatorUtilities.CreateInstance<Adapters.Mail.ImapMailboxReader>(sp))));
        var sent = CitizenMail("erik@example.se", "Erik", Kommunen, "Snöröjning", "Vår gata är inte plogad.");
        await Server.SendAsync(sent);

        // The first poll stores and queues the mail, then dies before flagging it or moving the watermark.
        crashing.CrashBeforeFlagging = true;
        await Eventually.ReturnsAsync(async () =>
        {
            await pipeline.PollAsync();
            return crashing.Crashes;
        }, crashes => crashes > 0, TimeSpan.FromSeconds(20), "the poller to fetch the mail and crash");
        Assert.Contains(await pipeline.Get<IOperatorAlerts>().ListOpenAsync(CancellationToken.None), a => a.Source == "mailbox:kommunen");
        await pipeline.HandleInboundAsync();

        // The next poll reads the same mail again: it is queued again but is the same case.
        crashing.CrashBeforeFlagging = false;
        await pipeline.PollAsync();
        var again = await pipeline.HandleInboundAsync();
        Assert.Contains(again, m => m.MessageId == "<" + sent.MessageId + ">");
        await pipeline.PollAsync();
        Assert.Empty(await pipeline.HandleInboundAsync());

        var claims = await pipeline.Get<Core.Intake.ISubmissionClaims>().ClaimAsync("mail-" + again.Single().Key, "x", "x", DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.True(claims.Completed);
        var receipts = (await pipeline.PeekOutgoingAsync()).Where(m => m.CaseId == claims.CaseId).ToList();
        Assert.Single(receipts);
        Assert.DoesNotContain(await pipeline.Get<IOperatorAlerts>().ListOpenAsync(CancellationToken.None), a => a.Source == "mailbox:kommunen");
    }

    [Fact]
    public async Task Overlapping_pollers_and_a_mail_queued_twice_still_make_one_case()
    {
        using var pipeline = await MailPipeline.StartAsync(azurite, Server);
        var leases = pipeline.Get<IMailboxLeases>();
        await using (var held = await leases.TryAcquireAsync("kommunen", CancellationToken.None))
        {
            Assert.NotNull(held);
            Assert.Null(await leases.TryAcquireAsync("kommunen", CancellationToken.None));
            var busy = await pipeline.Get<MailboxPoller>().PollAsync(pipeline.Get<FunctionMailboxes>().Find("kommunen")!, CancellationToken.None);
            Assert.False(busy.Polled);
        }

        var sent = CitizenMail("maja@example.se", "Maja", Kommunen, "Parkering", "Får jag parkera på torget?");
        await Server.SendAsync(sent);
        var message = await Eventually.ReturnsAsync(async () =>
        {
            await pipeline.PollAsync();
            return (await pipeline.Queue(Core.Storage.QueueNames.InboundMail).PeekMessagesAsync(1)).Value.FirstOrDefault()
                ?.Body.ToObjectFromJson<InboundMailMessage>(System.Text.Json.JsonSerializerOptions.Web);
        }, m => m is not null, TimeSpan.FromSeconds(20), "the mail on the inbound queue");
        var intake = pipeline.Get<InboundMailService>();

        // The same stored mail handled by three invocations at once (a message delivered more than once).
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => intake.ProcessAsync(message, CancellationToken.None)));

        var opened = outcomes.OfType<InboundMailOutcome.NewCase>().ToList();
        Assert.Single(opened.Select(o => o.CaseId).Distinct());
        Assert.Single(opened, o => o.ReceiptQueued);
        Assert.All(outcomes, o => Assert.True(o is InboundMailOutcome.NewCase or InboundMailOutcome.InProgress));
        Assert.Single(await pipeline.PeekOutgoingAsync(), m => m.CaseId == opened[0].CaseId);
    }

    [Fact]
    public async Task A_mailbox_whose_uids_started_over_is_read_from_the_start_and_nothing_read_before_is_handled_again()
    {
        using var pipeline = await MailPipeline.StartAsync(azurite, Server);
        // A case with an answer threaded onto it, then closed: were the answer decided again, it would open a new case.
        await Server.SendAsync(CitizenMail("omlast@example.se", "Om", Kommunen, "Bygglov", "Fråga."));
        var record = await CaseByMessageIdAsync(pipeline, Assert.Single(await pipeline.ReceiveAsync()));
        await Server.SendAsync(CitizenMail("omlast@example.se", "Om", Kommunen, $"Sv: [{record.Case.Reference}] Bygglov", "Tillägg."));
        await pipeline.ReceiveAsync();
        var closed = (await pipeline.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!;
        await pipeline.Get<ICaseStore>().AppendAsync(closed.Case, new TimelineEntry("closed", DateTimeOffset.UtcNow, TimelineEntryKind.Event,
            "agent:anna", "Avslutat.", []), CaseStatus.Closed, CancellationToken.None);
        await pipeline.Queue(Core.Storage.QueueNames.OutgoingMail).ClearMessagesAsync();
        await using (var lease = await pipeline.Get<IMailboxLeases>().TryAcquireAsync("kommunen", CancellationToken.None))
        {
            // The watermark of a server whose store was reset, or a new server that reuses the UIDVALIDITY.
            await lease!.AdvanceAsync(new MailboxWatermark(lease.Watermark.UidValidity, 1_000_000), CancellationToken.None);
        }
        var sent = CitizenMail("ny@example.se", "Ny", Kommunen, "Efter omstart", "Hej.");
        await Server.SendAsync(sent);

        // Everything in the mailbox is read again (and is nothing new: the Message-IDs are known), the new mail too.
        var handled = new List<InboundMailMessage>();
        await Eventually.ReturnsAsync(async () =>
        {
            handled.AddRange(await pipeline.ReceiveAsync());
            return handled.Any(m => m.MessageId == "<" + sent.MessageId + ">");
        }, found => found, TimeSpan.FromSeconds(60), "the mail sent after the restart");

        var outcomes = new List<InboundMailOutcome>();
        foreach (var message in handled)
        {
            outcomes.Add(await pipeline.Get<InboundMailService>().ProcessAsync(message, CancellationToken.None));
        }
        // Only the new mail got a receipt; everything read again (handled again here, too) kept its first decision.
        Assert.Single(await pipeline.PeekOutgoingAsync());
        Assert.All(outcomes, o => Assert.True(o is InboundMailOutcome.Threaded or InboundMailOutcome.Ignored
            or InboundMailOutcome.NewCase { ReceiptQueued: false }));
        Assert.Equal(CaseStatus.Closed, (await pipeline.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!.Case.Status);
    }

    [Fact]
    public async Task Our_own_mail_in_a_function_mailbox_never_becomes_a_case()
    {
        using var pipeline = await MailPipeline.StartAsync(azurite, Server);
        var ours = CitizenMail(Kommunen, "Bollebygds kommun", Kommunen, "[KC-2026-999999] Vi har tagit emot ditt ärende", "Tack!");
        ours.MessageId = $"receipt.{Guid.NewGuid():N}@{MessageIds.Domain}";
        await Server.SendAsync(ours);

        var message = Assert.Single(await pipeline.ReceiveAsync());
        var outcome = await pipeline.Get<InboundMailService>().ProcessAsync(message, CancellationToken.None);

        Assert.IsType<InboundMailOutcome.Ignored>(outcome);
        Assert.Null(await pipeline.Get<Core.Intake.ISubmissionClaims>().FindAsync("mail-" + message.Key, CancellationToken.None));
        Assert.Empty(await pipeline.PeekOutgoingAsync());

        // The same kind of Message-ID from anyone else is kept on a case, flagged, and not answered.
        var forged = CitizenMail("utomstaende@example.se", "Utomstående", Kommunen, "Tyst", "Syns detta?");
        forged.MessageId = $"receipt.{Guid.NewGuid():N}@{MessageIds.Domain}";
        await Server.SendAsync(forged);
        var record = await CaseByMessageIdAsync(pipeline, Assert.Single(await pipeline.ReceiveAsync()));
        Assert.Equal(InboundMailService.ForgedOursAttention, record.Case.Attention);
        Assert.Empty(await pipeline.PeekOutgoingAsync());
    }

    [Fact]
    public async Task Receipts_to_one_sender_are_limited_per_hour()
    {
        // A clock that stays inside one hour, so the test cannot straddle two.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 30, 0, TimeSpan.Zero));
        using var pipeline = await MailPipeline.StartAsync(azurite, Server, s => s.AddSingleton<TimeProvider>(time));
        var sender = $"flitig-{Guid.NewGuid():N}@example.se";
        for (var i = 0; i < InboundMailService.ReceiptsPerSenderPerHour + 1; i++)
        {
            await Server.SendAsync(CitizenMail(sender, "Flitig", Kommunen, $"Fråga {i}", "Hej igen."));
        }

        var handled = await pipeline.ReceiveAsync(InboundMailService.ReceiptsPerSenderPerHour + 1);

        Assert.Equal(InboundMailService.ReceiptsPerSenderPerHour, (await pipeline.PeekOutgoingAsync()).Count(m => m.To.Address == sender));
        var cases = new List<CaseRecord>();
        foreach (var message in handled)
        {
            cases.Add(await CaseByMessageIdAsync(pipeline, message));
        }
        Assert.Single(cases, c => c.Timeline.Any(e => e.Id == "no-receipt"));
    }

    [Fact]
    public async Task Attachments_pass_the_upload_checks_and_html_is_sanitised_with_the_text_kept()
    {
        using var pipeline = await MailPipeline.StartAsync(azurite, Server);
        var body = new BodyBuilder
        {
            TextBody = "Se bifogad ritning.",
            HtmlBody = "<p>Se bifogad <b>ritning</b>.</p><script>alert('x')</script><a href=\"javascript:alert(1)\" onclick=\"steal()\">klicka</a><img src=\"https://spårning.example/pixel.gif\">",
        };
        body.Attachments.Add("ritning.pdf", Intake.HttpRequests.Pdf(), ContentType.Parse("application/pdf"));
        body.Attachments.Add("program.exe", "MZ\u0090\u0000 not allowed"u8.ToArray(), ContentType.Parse("application/octet-stream"));
        var sent = CitizenMail("anders@example.se", "Anders", Kommunen, "Ritning", "");
        sent.Body = body.ToMessageBody();
        await Server.SendAsync(sent);

        var record = await CaseByMessageIdAsync(pipeline, Assert.Single(await pipeline.ReceiveAsync()));

        var received = Assert.Single(record.Timeline, e => e.Kind == TimelineEntryKind.Received);
        Assert.StartsWith("Se bifogad ritning.", received.Text);
        Assert.Contains("program.exe", received.Text); // named as refused
        Assert.Contains(received.Attachments, a => a.Name == "ritning.pdf" && a.ContentType == "application/pdf");
        Assert.DoesNotContain(received.Attachments, a => a.Name == "program.exe");
        var html = Assert.Single(received.Attachments, a => a.Name == Core.Intake.UploadService.MessageHtmlName);
        var container = pipeline.Get<Azure.Storage.Blobs.BlobServiceClient>().GetBlobContainerClient(Core.Storage.BlobContainers.Uploads);
        var stored = (await container.GetBlobClient(html.Id).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("<b>ritning</b>", stored);
        Assert.DoesNotContain("script", stored);
        Assert.DoesNotContain("javascript:", stored);
        Assert.DoesNotContain("onclick", stored);
        Assert.DoesNotContain("pixel.gif", stored);
    }

    [Fact]
    public async Task A_reply_written_by_an_agent_arrives_with_the_threading_headers()
    {
        using var pipeline = await MailPipeline.StartAsync(azurite, Server);
        var question = CitizenMail("sara@example.se", "Sara Holm", Kommunen, "Sophämtning", "När töms kärlet på Björkvägen?");
        await Server.SendAsync(question);
        var record = await CaseByMessageIdAsync(pipeline, Assert.Single(await pipeline.ReceiveAsync()));
        var receipt = Assert.Single(await pipeline.SendOutgoingAsync());

        var replyId = Guid.NewGuid().ToString();
        var outcome = await pipeline.Get<CaseReplyService>().ReplyAsync(record.Case.Id, replyId, "Kärlet töms på tisdagar.", "agent:anna", CancellationToken.None);
        await pipeline.Get<CaseReplyService>().ReplyAsync(record.Case.Id, replyId, "Kärlet töms på tisdagar.", "agent:anna", CancellationToken.None); // a retry
        Assert.IsType<CaseReplyOutcome.Queued>(outcome);
        Assert.Equal(2, (await pipeline.SendOutgoingAsync()).Count); // the retry's copy is recognised as sent

        var replyMessageId = MessageIds.For("reply-" + replyId, record.Case.Id).Trim('<', '>');
        var reply = await Server.WaitForMessageAsync($"Sv: [{record.Case.Reference}] Sophämtning", TimeSpan.FromSeconds(10), m => m.MessageId == replyMessageId);
        Assert.Equal(question.MessageId, reply.InReplyTo);
        Assert.Equal(new List<string> { receipt.MessageId.Trim('<', '>'), question.MessageId! }, reply.References.ToList());
        Assert.Equal(MessageIds.For("reply-" + replyId, record.Case.Id), "<" + reply.MessageId + ">");
        Assert.Equal(Kommunen, reply.From.Mailboxes.Single().Address);
        Assert.Equal("sara@example.se", reply.To.Mailboxes.Single().Address);
        Assert.Null(reply.Headers[HeaderId.AutoSubmitted]); // written by a person
        Assert.Contains("Kärlet töms på tisdagar.", reply.TextBody);
        Assert.Equal(2, (await Server.SubjectsAsync()).Count(s => s == reply.Subject)); // the receipt and the reply, not the retry

        var after = (await pipeline.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!;
        Assert.Contains(after.Timeline, e => e.Kind == TimelineEntryKind.MunicipalityMessage && e.Text == "Kärlet töms på tisdagar.");
        Assert.Contains(after.Timeline, e => e.Id == "sent-reply-" + replyId);
        Assert.Equal(CaseStatus.InProgress, after.Case.Status);

        // The citizen answers the reply: it threads onto the case.
        var answer = CitizenMail("sara@example.se", "Sara Holm", Kommunen, reply.Subject!, "Tack!");
        answer.InReplyTo = reply.MessageId;
        await Server.SendAsync(answer);
        await pipeline.ReceiveAsync();
        Assert.Contains((await pipeline.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!.Timeline,
            e => e.Kind == TimelineEntryKind.CitizenMessage && e.Text == "Tack!");
    }

    [Fact]
    public async Task Mail_from_someone_else_with_the_reference_is_kept_for_staff_only()
    {
        using var pipeline = await MailPipeline.StartAsync(azurite, Server);
        await Server.SendAsync(CitizenMail("agare@example.se", "Ägaren", Kommunen, "Ledningsbrott", "Vattnet är avstängt."));
        var record = await CaseByMessageIdAsync(pipeline, Assert.Single(await pipeline.ReceiveAsync()));

        await Server.SendAsync(CitizenMail("granne@example.se", "Grannen", Kommunen, $"[{record.Case.Reference}] Samma här", "Hos oss också."));
        // Someone who sets Reply-To to the applicant's address is still not the applicant.
        var spoof = CitizenMail("falsk@example.se", "Falsk", Kommunen, $"[{record.Case.Reference}] Komplettering", "Betala till konto 123.");
        spoof.ReplyTo.Add(MailboxAddress.Parse("agare@example.se"));
        await Server.SendAsync(spoof);
        await pipeline.ReceiveAsync(expected: 2);

        var entry = Assert.Single((await pipeline.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!.Timeline,
            e => e.Text == "Hos oss också.");
        Assert.Equal(TimelineEntryKind.OtherPartyMessage, entry.Kind);
        Assert.False(entry.IsPublic);
        Assert.Equal("granne@example.se", entry.Author);
        var spoofed = Assert.Single((await pipeline.Get<ICaseStore>().GetAsync(record.Case.Id, CancellationToken.None))!.Timeline,
            e => e.Text == "Betala till konto 123.");
        Assert.Equal(TimelineEntryKind.OtherPartyMessage, spoofed.Kind);
    }

    [Fact]
    public async Task An_answer_to_a_closed_case_opens_a_new_case_that_names_the_old_one()
    {
        using var pipeline = await MailPipeline.StartAsync(azurite, Server);
        await Server.SendAsync(CitizenMail("bo@example.se", "Bo", Kommunen, "Skolskjuts", "Hur ansöker jag?"));
        var record = await CaseByMessageIdAsync(pipeline, Assert.Single(await pipeline.ReceiveAsync()));
        await pipeline.Get<ICaseStore>().AppendAsync(record.Case, new TimelineEntry("closed", DateTimeOffset.UtcNow, TimelineEntryKind.Event, "agent:anna",
            "Avslutat.", []), CaseStatus.Closed, CancellationToken.None);

        await Server.SendAsync(CitizenMail("bo@example.se", "Bo", Kommunen, $"Sv: [{record.Case.Reference}] Skolskjuts", "En fråga till."));
        var next = await CaseByMessageIdAsync(pipeline, Assert.Single(await pipeline.ReceiveAsync()));

        Assert.NotEqual(record.Case.Id, next.Case.Id);
        Assert.StartsWith($"Fortsättning på det avslutade ärendet {record.Case.Reference}.", next.Timeline.Single(e => e.Kind == TimelineEntryKind.Received).Text);
    }

    [Fact]
    public async Task An_unreachable_mailbox_raises_an_operator_alert()
    {
        using var pipeline = await MailPipeline.StartAsync(azurite, Server);
        var settings = MailPipeline.SampleMailboxSettings();
        settings["Imap:Host"] = "127.0.0.1";
        settings["Imap:Port"] = FreePort.Next().ToString();
        settings["Imap:Security"] = "None";
        using var services = AppServices.Build(azurite, settings: settings);

        var results = await services.GetRequiredService<MailboxPoller>().PollAllAsync(CancellationToken.None);

        Assert.All(results, r => Assert.NotNull(r.Error));
        var alerts = await services.GetRequiredService<IOperatorAlerts>().ListOpenAsync(CancellationToken.None);
        Assert.Contains(alerts, a => a.Source == "mailbox:kommunen" && a.Kind == OperatorAlertKinds.MailboxUnreadable && a.Message.Contains(Kommunen));

        await pipeline.PollAsync(); // reachable again
        Assert.DoesNotContain(await services.GetRequiredService<IOperatorAlerts>().ListOpenAsync(CancellationToken.None), a => a.Source == "mailbox:kommunen");
    }

    private static MimeMessage CitizenMail(string from, string name, string to, string subject, string text)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(name, from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = $"{Guid.NewGuid():N}@example.se";
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <summary>The case a handled mail opened (its claim names it).</summary>
    private static async Task<CaseRecord> CaseByMessageIdAsync(MailPipeline pipeline, InboundMailMessage message)
    {
        var claim = await pipeline.Get<Core.Intake.ISubmissionClaims>().ClaimAsync("mail-" + message.Key, "probe", "probe", DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.False(claim.ClaimedNow, $"No case was opened for mail {message.MessageId}.");
        return (await pipeline.Get<ICaseStore>().GetAsync(claim.CaseId, CancellationToken.None))!;
    }
}
