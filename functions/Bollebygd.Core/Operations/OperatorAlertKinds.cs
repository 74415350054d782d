namespace Bollebygd.Core.Operations;

public static class OperatorAlertKinds
{
    /// <summary>Messages that failed maxDequeueCount times and now wait in a poison queue.</summary>
    public const string PoisonMessages = "poison-messages";

    /// <summary>A function mailbox could not be read (IMAP down, wrong password…): its mail waits there.</summary>
    public const string MailboxUnreadable = "mailbox-unreadable";

    /// <summary>A case could not be registered in Platina for hours: it is flagged and waits for a person.</summary>
    public const string RegistryFailed = "registry-failed";

    /// <summary>An e-service request could not be sent to EDP Future for hours: its case is flagged.</summary>
    public const string UtilityFailed = "edp-failed";
}
