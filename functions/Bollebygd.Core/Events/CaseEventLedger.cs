namespace Bollebygd.Core.Events;

/// <summary>
/// What has been published about a case: whether its creation and registration were told, how many closings, and
/// whether it was closed when last looked at (so a reopened and closed-again case is told closed again).
/// </summary>
public sealed record CaseEventLedger(bool Created, bool Registered, int Closings, bool WasClosed)
{
    public static readonly CaseEventLedger Empty = new(false, false, 0, false);
}
