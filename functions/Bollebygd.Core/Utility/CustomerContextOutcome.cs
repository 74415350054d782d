namespace Bollebygd.Core.Utility;

public abstract record CustomerContextOutcome
{
    public sealed record Found(CustomerContext Context) : CustomerContextOutcome;

    /// <summary>The case has no personnummer or kundnummer, or EDP does not know them.</summary>
    public sealed record NoCustomer : CustomerContextOutcome;

    /// <summary>EDP Future does not answer now.</summary>
    public sealed record Unavailable : CustomerContextOutcome;

    public sealed record Forbidden : CustomerContextOutcome;

    public sealed record CaseNotFound : CustomerContextOutcome;
}
