namespace Bollebygd.Core.Mail;

/// <summary>
/// Port: hands a mail to the SMTP server (MailKit in production; smtp4dev locally). Throws
/// <see cref="MailRejectedException"/> when the server refuses it for good, anything else when it may work later.
/// </summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
