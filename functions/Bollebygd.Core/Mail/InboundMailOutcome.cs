using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Mail;

/// <summary>What became of an arriving mail.</summary>
public abstract record InboundMailOutcome
{
    /// <summary>A new case; <see cref="ReceiptQueued"/> tells whether a receipt is on its way.</summary>
    public sealed record NewCase(string CaseId, CaseReference Reference, bool ReceiptQueued) : InboundMailOutcome;

    /// <summary>An entry on an existing case's timeline (also when it was there already: a redelivery).</summary>
    public sealed record Threaded(string CaseId, CaseReference Reference) : InboundMailOutcome;

    /// <summary>The system's own mail, seen again: nothing to do.</summary>
    public sealed record Ignored : InboundMailOutcome;

    /// <summary>Another handler is opening the case for this Message-ID right now; try again shortly.</summary>
    public sealed record InProgress : InboundMailOutcome;
}
