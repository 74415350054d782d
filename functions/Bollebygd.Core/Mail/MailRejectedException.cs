namespace Bollebygd.Core.Mail;

/// <summary>
/// The mail server refused the mail for good (an unknown recipient, say): trying again would not help, so the case's
/// timeline says it could not be sent instead.
/// </summary>
public sealed class MailRejectedException(string message, Exception? inner = null) : Exception(message, inner);
