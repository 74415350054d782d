using System.Text.Json;
using Bollebygd.Core.Routing;
using Bollebygd.TestSupport;

namespace Bollebygd.Core.Tests.Routing;

/// <summary>The labelled citizen messages in tests/data/routing-messages.json, split once and for all into train and test.</summary>
public static class RoutingMessages
{
    public static string Path => System.IO.Path.Combine(RepositoryPaths.Root, "tests", "data", "routing-messages.json");

    public static IReadOnlyList<RoutingMessage> All { get; } = Load();

    public static IEnumerable<RoutingExample> Train => Examples("train");

    public static IEnumerable<RoutingExample> Test => Examples("test");

    private static IEnumerable<RoutingExample> Examples(string set) =>
        All.Where(m => m.Set == set).Select(m => new RoutingExample(m.Text, m.Group));

    private static List<RoutingMessage> Load() =>
        JsonSerializer.Deserialize<List<RoutingMessage>>(File.ReadAllText(Path), JsonSerializerOptions.Web)
            ?? throw new InvalidDataException(Path + " is empty.");
}
