using Bollebygd.Core.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Bollebygd.Adapters.Mail;

/// <summary>
/// Sends mail over SMTP with MailKit, one connection per message (mail is queued and sent one by one). The message
/// carries our Message-ID and the thread's In-Reply-To/References. A recipient the server refuses, or an address that
/// is no address, becomes <see cref="MailRejectedException"/> (that mail can never go); everything else — the server
/// down, or refusing the sender (a configuration fault someone must fix) — is left for a retry, and at last for the
/// poison queue and an operator alert.
/// </summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!MailboxAddress.TryParse(mail.To.Address, out var to) || to.Address.IndexOf('@') is <= 0 || to.Address.EndsWith('@'))
        {
            throw new MailRejectedException($"{mail.To.Address} är ingen e-postadress");
        }
        var message = ToMime(mail);
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds };
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)ex.StatusCode >= 500)
        {
            throw new MailRejectedException($"e-postservern tog inte emot meddelandet ({(int)ex.StatusCode} {ex.Message.Trim()})", ex);
        }
        await client.DisconnectAsync(true, cancellationToken);
        logger.LogInformation("Mail {MessageId} handed to {SmtpHost}", mail.MessageId, settings.SmtpHost);
    }

    public static MimeMessage ToMime(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.From.Name, mail.From.Address));
        message.To.Add(new MailboxAddress(mail.To.Name, mail.To.Address));
        message.Subject = mail.Subject;
        message.MessageId = Bare(mail.MessageId);
        if (mail.InReplyTo is { } inReplyTo)
        {
            message.InReplyTo = Bare(inReplyTo);
        }
        foreach (var reference in mail.References)
        {
            message.References.Add(Bare(reference));
        }
        // Tell auto-responders not to answer (RFC 3834, and Exchange's own header): we never want mail loops.
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        if (mail.IsAutomatic)
        {
            message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        }
        message.Body = new TextPart("plain") { Text = mail.TextBody };
        return message;
    }

    private static string Bare(string messageId) => messageId.Trim().Trim('<', '>');
}
