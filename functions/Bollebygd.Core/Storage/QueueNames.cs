namespace Bollebygd.Core.Storage;

/// <summary>Names of the Storage queues, shared by producers, triggers and tests.</summary>
public static class QueueNames
{
    /// <summary>Audit entries waiting to be appended to the audit log.</summary>
    public const string Audit = "audit";

    /// <summary>Stored arriving mail waiting to become a case or a timeline entry.</summary>
    public const string InboundMail = "mail-inbound";

    /// <summary>All mail the system sends: receipts, replies, reminders.</summary>
    public const string OutgoingMail = "mail-outgoing";

    /// <summary>Text messages to send through the SMS gateway.</summary>
    public const string OutgoingSms = "sms-outgoing";

    /// <summary>Ids of cases that changed, for their SLA workflows to look at again.</summary>
    public const string CaseChanged = "case-changed";

    /// <summary>Ids of cases that changed, for their integration events (only when a case-events bus is configured).</summary>
    public const string CaseEvents = "case-events";

    /// <summary>Cases to register in Platina (the registration outbox).</summary>
    public const string PlatinaRegistrations = "platina-registrations";

    /// <summary>E-service requests to send to EDP Future (the EDP outbox).</summary>
    public const string EdpRequests = "edp-requests";

    /// <summary>The suffix the Functions host (and LocalHost) gives a queue's poison queue.</summary>
    public const string PoisonSuffix = "-poison";

    public static string PoisonOf(string queueName) => queueName + PoisonSuffix;

    public static bool IsPoison(string queueName) => queueName.EndsWith(PoisonSuffix, StringComparison.Ordinal);

    public static string SourceOfPoison(string poisonQueueName) =>
        IsPoison(poisonQueueName) ? poisonQueueName[..^PoisonSuffix.Length] : poisonQueueName;
}
