namespace Bollebygd.Core.Mail;

/// <summary>An e-mail address with the name shown beside it.</summary>
public sealed record MailContact(string Address, string Name);
