namespace Bollebygd.Core.Mail;

public enum InboundMailKind
{
    /// <summary>Written by a person: it may start or continue a case, and a new case gets a receipt.</summary>
    Personal,

    /// <summary>An auto-reply, out-of-office or list mail: stored on a case, but never answered (no loops).</summary>
    Automatic,

    /// <summary>A bounce or delivery-status report: stored, never answered.</summary>
    Bounce,

    /// <summary>Mail the system itself sent (seen again through a shared inbox): never a case.</summary>
    Ours,
}
