namespace Bollebygd.Core.Mail;

/// <summary>Port: sends e-mail (SMTP through MailKit in production; smtp4dev locally).</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
