using System.Text.Json;
using Bollebygd.Core.Routing;

namespace Bollebygd.Benchmarks;

/// <summary>The labelled citizen messages in tests/data/routing-messages.json, found above wherever this program runs.</summary>
public static class RoutingMessages
{
    public static IReadOnlyList<RoutingMessage> All { get; } = Load();

    public static IReadOnlyList<RoutingExample> Train { get; } = Examples("train");

    public static IReadOnlyList<RoutingExample> Test { get; } = Examples("test");

    private static List<RoutingExample> Examples(string set) =>
        All.Where(m => m.Set == set).Select(m => new RoutingExample(m.Text, m.Group)).ToList();

    private static List<RoutingMessage> Load()
    {
        var path = Path.Combine(FindRepositoryRoot(), "tests", "data", "routing-messages.json");
        return JsonSerializer.Deserialize<List<RoutingMessage>>(File.ReadAllText(path), JsonSerializerOptions.Web)
            ?? throw new InvalidDataException(path + " is empty.");
    }

    // BenchmarkDotNet runs the benchmarks from a project it generates below bin/, so the current directory says
    // nothing; the solution file marks the repository root.
    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Bollebygd.Functions.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Bollebygd.Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
