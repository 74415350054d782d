using Bollebygd.Core.Cases;
using Bollebygd.Core.Sla;

namespace Bollebygd.Core.Casework;

/// <summary>One page of a list, how many there are in all, and where each case on the page stands against its SLA now.</summary>
public sealed record CaseListPage(IReadOnlyList<CaseSummary> Items, int Page, int PageSize, int Total, IReadOnlyDictionary<string, SlaStanding> Standings)
{
    /// <summary>The case's SLA standing, or null before its SLA workflow first saw it.</summary>
    public SlaStanding? StandingOf(string caseId) => Standings.GetValueOrDefault(caseId);
}
