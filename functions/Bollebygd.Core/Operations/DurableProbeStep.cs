namespace Bollebygd.Core.Operations;

/// <summary>Input of the probe's activity: which step of which probe instance is being recorded.</summary>
public sealed record DurableProbeStep(string InstanceId, string Step, string RequestedBy);
