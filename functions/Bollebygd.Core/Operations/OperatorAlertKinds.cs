namespace Bollebygd.Core.Operations;

public static class OperatorAlertKinds
{
    /// <summary>Messages that failed maxDequeueCount times and now wait in a poison queue.</summary>
    public const string PoisonMessages = "poison-messages";
}
