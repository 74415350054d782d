namespace Bollebygd.Core.Operations;

/// <summary>Input of the durable probe: how long its durable timer waits.</summary>
public sealed record DurableProbeRequest(TimeSpan TimerDelay, string RequestedBy)
{
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);
}
