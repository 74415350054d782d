using Bollebygd.Core.Sla;

namespace Bollebygd.Functions.Sla;

/// <summary>What the evaluation activity tells the workflow: the state to carry, when to look again, whether to end.</summary>
public sealed record CaseSlaStep(CaseSlaState State, DateTimeOffset? WakeAt, bool Ended);
