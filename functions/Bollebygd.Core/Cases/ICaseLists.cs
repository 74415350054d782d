namespace Bollebygd.Core.Cases;

/// <summary>
/// Port: the open cases of a group, as kept in the list index beside the cases (derived data the case store keeps
/// up to date and that could be rebuilt from the cases).
/// </summary>
public interface ICaseLists
{
    Task<IReadOnlyList<CaseSummary>> OpenInGroupAsync(string group, CancellationToken cancellationToken);

    /// <summary>Every open case, read from the cases themselves (not the index): for reconciliation.</summary>
    IAsyncEnumerable<Case> AllOpenAsync(CancellationToken cancellationToken);

    /// <summary>Puts an open case into its group's list as it is now (an index write that failed once is made good).</summary>
    Task ReindexAsync(Case @case, CancellationToken cancellationToken);
}
