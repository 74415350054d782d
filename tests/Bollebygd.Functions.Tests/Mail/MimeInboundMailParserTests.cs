using System.Text;
using Bollebygd.Adapters.Mail;
using Bollebygd.Core.Mail;

namespace Bollebygd.Functions.Tests.Mail;

public class MimeInboundMailParserTests
{
    private readonly MimeInboundMailParser _parser = new();

    [Fact]
    public void An_html_only_mail_gets_its_text_from_the_sanitised_html()
    {
        var mail = Parse("""
            From: "Anna Berg" <anna@example.se>
            Reply-To: anna.privat@example.se
            To: va@bollebygd.se
            Subject: =?utf-8?Q?M=C3=A4tarst=C3=A4llning?=
            Message-ID: <m1@example.se>
            Content-Type: text/html; charset=utf-8

            <html><body><p>Mätaren visar <b>1234</b>.</p><p>Hälsningar<br>Anna</p><script>steal()</script></body></html>
            """);

        Assert.Null(mail.Problem);
        Assert.Equal("Mätarställning", mail.Headers.Subject);
        Assert.Equal("<m1@example.se>", mail.Headers.MessageId);
        Assert.Equal(new MailContact("anna@example.se", "Anna Berg"), mail.From);
        Assert.Equal("anna.privat@example.se", mail.AnswerTo!.Address);
        Assert.Equal(["va@bollebygd.se"], mail.Recipients);
        Assert.Equal("Mätaren visar 1234.\nHälsningar\nAnna", mail.Text);
        Assert.DoesNotContain("steal", mail.SanitizedHtml);
        Assert.Contains("<b>1234</b>", mail.SanitizedHtml);
    }

    [Fact]
    public void Bytes_that_are_no_mail_or_have_no_sender_are_unreadable_not_an_exception()
    {
        Assert.Equal(MimeInboundMailParser.NoSender, Parse("Subject: utan avsändare\n\nhej").Problem);
        Assert.NotNull(_parser.Parse(new byte[] { 0, 1, 2, 255, 254, 0, 13, 10, 13, 10 }).Problem);
        Assert.NotNull(_parser.Parse(ReadOnlyMemory<byte>.Empty).Problem);
    }

    [Fact]
    public void A_delivery_report_is_recognised_as_a_bounce_and_names_the_mail_that_bounced()
    {
        var mail = Parse("""
            From: MAILER-DAEMON@example.se
            To: kommunen@bollebygd.se
            Subject: Undeliverable
            Content-Type: multipart/report; report-type=delivery-status; boundary="x"

            --x
            Content-Type: text/plain

            Could not deliver.
            --x
            Content-Type: message/delivery-status

            Action: failed
            --x
            Content-Type: message/rfc822

            From: kommunen@bollebygd.se
            Message-ID: <receipt.0123456789abcdef0123456789abcdef@kontaktcenter.bollebygd.se>
            Subject: Kvittens

            Tack!
            --x--
            """);

        Assert.Equal(InboundMailKind.Bounce, InboundMailRules.Classify(mail.Headers));
        Assert.Equal("0123456789abcdef0123456789abcdef", InboundMailRules.RepliedCaseId(mail.Headers));
    }

    [Fact]
    public void Auto_reply_headers_are_read()
    {
        var mail = Parse("""
            From: per@example.se
            To: kommunen@bollebygd.se
            Subject: Frånvaro
            X-Autoreply: yes
            Precedence: bulk

            Borta.
            """);

        Assert.True(mail.Headers.HasAutoReplyHeader);
        Assert.Equal("bulk", mail.Headers.Precedence);
        Assert.Equal(InboundMailKind.Automatic, InboundMailRules.Classify(mail.Headers));
    }

    [Fact]
    public void Files_sent_inline_or_without_a_disposition_are_files_too()
    {
        var mail = Parse("""
            From: anna@example.se
            To: bygg@bollebygd.se
            Subject: Ritningar
            Content-Type: multipart/mixed; boundary="m"

            --m
            Content-Type: text/plain; charset=utf-8

            Se bilagorna.
            --m
            Content-Type: application/pdf; name="ritning.pdf"
            Content-Disposition: inline; filename="ritning.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --m
            Content-Type: image/jpeg
            Content-Transfer-Encoding: base64

            /9j/4AAQ
            --m--
            """);

        Assert.Equal("Se bilagorna.", mail.Text.Trim());
        Assert.Equal(["ritning.pdf", "bilaga"], mail.Files.Select(f => f.Name));
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(mail.Files[0].Content.Span));
    }

    private ParsedMail Parse(string raw) => _parser.Parse(Encoding.UTF8.GetBytes(raw.Replace("\n", "\r\n")));
}
