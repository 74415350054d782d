namespace Bollebygd.Core.Operations;

/// <summary>How many messages wait in one poison queue.</summary>
public sealed record PoisonQueueCount(string QueueName, int ApproximateMessageCount);
