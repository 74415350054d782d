namespace Bollebygd.Core.Cases;

/// <summary>The status the citizen reads on the status page, in Swedish.</summary>
public static class CitizenStatus
{
    public const string Submitted = "Inskickat";
    public const string InProgress = "Under behandling";
    public const string AwaitingComplement = "Väntar på komplettering";
    public const string Complemented = "Kompletterad";
    public const string Closed = "Avslutat";

    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Received => Submitted,
        CaseStatus.InProgress or CaseStatus.Escalated or CaseStatus.AwaitingRemiss => InProgress,
        CaseStatus.AwaitingCitizen => AwaitingComplement,
        CaseStatus.Complemented => Complemented,
        CaseStatus.Closed => Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
