using System.Text.Json;
using Bollebygd.Core.Routing;

namespace Bollebygd.Functions.Routing;

/// <summary>The competence groups of Routing/groups.json, compiled into the app like the service definitions.</summary>
public static class GroupDefinitions
{
    public static CompetenceGroups Load()
    {
        using var stream = typeof(GroupDefinitions).Assembly.GetManifestResourceStream("routing/groups.json")
            ?? throw new InvalidOperationException("routing/groups.json is not embedded.");
        var groups = JsonSerializer.Deserialize<List<CompetenceGroup>>(stream, JsonSerializerOptions.Web) ?? [];
        if (groups.All(g => g.Id != CompetenceGroups.Triage))
        {
            throw new InvalidOperationException("routing/groups.json must define the group 'triage'.");
        }
        return new CompetenceGroups(groups);
    }
}
