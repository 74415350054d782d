namespace Bollebygd.Core.Routing;

public enum RoutingReason
{
    /// <summary>A specific e-service or mailbox: its own group.</summary>
    Source,

    /// <summary>A category rule sent the e-service's case elsewhere.</summary>
    Category,

    /// <summary>A keyword rule matched.</summary>
    Keyword,

    /// <summary>The classifier was sure enough.</summary>
    Classifier,

    /// <summary>Nobody was sure: Triage.</summary>
    Triage,
}
