namespace Bollebygd.Core.Sla;

/// <summary>The targets of one priority, in business time.</summary>
public sealed record SlaTimes(TimeSpan FirstResponse, TimeSpan NextResponse, TimeSpan Resolution, TimeSpan RemissAnswer);
