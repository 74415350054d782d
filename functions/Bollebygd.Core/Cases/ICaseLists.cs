namespace Bollebygd.Core.Cases;

/// <summary>
/// Port: the open cases of a group, as kept in the list index beside the cases (derived data the case store keeps
/// up to date and that could be rebuilt from the cases).
/// </summary>
public interface ICaseLists
{
    Task<IReadOnlyList<CaseSummary>> OpenInGroupAsync(string group, CancellationToken cancellationToken);
}
