namespace Bollebygd.Simulators;

/// <summary>Faults for a simulator's next calls: <c>failNext</c> calls answer <c>status</c>; every call takes <c>delayMs</c>.</summary>
public sealed record SimulatedFaults(int FailNext, int? Status, int? DelayMs);
