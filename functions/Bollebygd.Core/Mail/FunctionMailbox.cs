namespace Bollebygd.Core.Mail;

/// <summary>
/// A function mailbox (funktionsbrevlåda) such as kommunen@ or va@: the address citizens write to, the name its mail
/// goes out under, and the group whose queue its new cases land in. Never a person's address.
/// </summary>
public sealed record FunctionMailbox(string Name, string Address, string DisplayName, string Group);
