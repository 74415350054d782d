using System.Text.Json;
using Bollebygd.Core.Routing;

namespace Bollebygd.Functions.Routing;

/// <summary>
/// The competence groups (Routing/groups.json), the routing rules (Routing/rules.json) and the labelled messages the
/// first classifier is trained on (tests/data/routing-messages.json), compiled into the app like the service definitions.
/// </summary>
public static class GroupDefinitions
{
    public static RoutingPolicy LoadPolicy(CompetenceGroups groups)
    {
        var policy = Read<RoutingPolicy>("routing/rules.json");
        var unknown = policy.KeywordRules.Select(r => r.Group).Concat((policy.CategoryRules ?? []).Select(r => r.Group))
            .Where(g => !groups.Exists(g)).ToList();
        if (unknown.Count > 0 || policy.Threshold is <= 0 or > 1)
        {
            throw new InvalidOperationException($"routing/rules.json: unknown groups {string.Join(", ", unknown)} or a threshold outside (0, 1].");
        }
        return policy;
    }

    public static RoutingSeed LoadSeed() =>
        new(Read<List<SeedMessage>>("routing/seed-examples.json").Select(m => new RoutingExample(m.Text, m.Group)).ToList());

    private static T Read<T>(string name)
    {
        using var stream = typeof(GroupDefinitions).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        return JsonSerializer.Deserialize<T>(stream, JsonSerializerOptions.Web) ?? throw new InvalidOperationException($"{name} is empty.");
    }

    private sealed record SeedMessage(string Text, string Group);

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
