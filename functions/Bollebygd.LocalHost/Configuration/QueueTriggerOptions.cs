namespace Bollebygd.LocalHost.Configuration;

/// <summary><c>extensions.queues</c> of host.json, with the Functions host's defaults.</summary>
public sealed class QueueTriggerOptions
{
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed message stays invisible before its next try.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    public int BatchSize { get; set; } = 16;

    public int MaxDequeueCount { get; set; } = 5;

    /// <summary><c>base64</c> (the default) or <c>none</c>.</summary>
    public string MessageEncoding { get; set; } = "base64";

    public static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long the host keeps a received message invisible while it is being processed.</summary>
    public static readonly TimeSpan ProcessingVisibility = TimeSpan.FromMinutes(10);
}
