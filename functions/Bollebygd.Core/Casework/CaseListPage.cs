using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Casework;

/// <summary>One page of a list, and how many there are in all.</summary>
public sealed record CaseListPage(IReadOnlyList<CaseSummary> Items, int Page, int PageSize, int Total);
