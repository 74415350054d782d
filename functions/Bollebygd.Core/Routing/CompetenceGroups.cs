namespace Bollebygd.Core.Routing;

/// <summary>The competence groups. <see cref="Triage"/> takes the cases the router cannot place with confidence.</summary>
public sealed class CompetenceGroups(IEnumerable<CompetenceGroup> groups)
{
    public const string Triage = "triage";

    private readonly List<CompetenceGroup> _all = groups.ToList();

    public IReadOnlyList<CompetenceGroup> All => _all;

    public CompetenceGroup? Find(string id) => _all.FirstOrDefault(g => g.Id == id);

    public bool Exists(string id) => _all.Any(g => g.Id == id);
}
