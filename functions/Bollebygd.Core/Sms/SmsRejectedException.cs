namespace Bollebygd.Core.Sms;

/// <summary>The SMS gateway refused the message for good: the timeline says so, and it is not tried again.</summary>
public sealed class SmsRejectedException(string message, Exception? inner = null) : Exception(message, inner);
