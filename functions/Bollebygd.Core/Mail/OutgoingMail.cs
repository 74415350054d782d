namespace Bollebygd.Core.Mail;

/// <summary>An e-mail to send. <see cref="MessageId"/> is fixed by the sender so a resent mail is recognisably the same.</summary>
public sealed record OutgoingMail(string To, string ToName, string Subject, string TextBody, string MessageId);
