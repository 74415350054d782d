namespace Bollebygd.Core.Sla;

/// <summary>An opening slot of a working day in local (Swedish) time, such as 08:00–12:00.</summary>
public sealed record OfficeSlot(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;
}
