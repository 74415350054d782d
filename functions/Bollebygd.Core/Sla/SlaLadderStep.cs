namespace Bollebygd.Core.Sla;

/// <summary>One step of the ladder after a breach: whom to tell, and how much business time after the breach.</summary>
public sealed record SlaLadderStep(SlaRecipient Notify, TimeSpan After);
