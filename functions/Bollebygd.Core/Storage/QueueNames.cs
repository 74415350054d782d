namespace Bollebygd.Core.Storage;

/// <summary>Names of the Storage queues, shared by producers, triggers and tests.</summary>
public static class QueueNames
{
    /// <summary>Audit entries waiting to be appended to the audit log.</summary>
    public const string Audit = "audit";

    /// <summary>Receipts (mottagningskvittenser) to send for new cases.</summary>
    public const string Receipts = "receipts";

    /// <summary>The suffix the Functions host (and LocalHost) gives a queue's poison queue.</summary>
    public const string PoisonSuffix = "-poison";

    public static string PoisonOf(string queueName) => queueName + PoisonSuffix;

    public static bool IsPoison(string queueName) => queueName.EndsWith(PoisonSuffix, StringComparison.Ordinal);

    public static string SourceOfPoison(string poisonQueueName) =>
        IsPoison(poisonQueueName) ? poisonQueueName[..^PoisonSuffix.Length] : poisonQueueName;
}
