using System.Reflection;
using System.Text.Json.Nodes;
using Bollebygd.LocalHost.Invocation;
using Bollebygd.LocalHost.Metadata;
using Bollebygd.TestSupport;

namespace Bollebygd.Functions.Tests.LocalHost;

public class FunctionCatalogTests
{
    private static IReadOnlyList<FunctionEntry> AppMetadata() =>
        FunctionMetadataReader.Read(Path.Combine(RepositoryPaths.FunctionAppOutput, FunctionMetadataReader.FileName));

    private static Assembly Load(string scriptFile) => Assembly.Load(Path.GetFileNameWithoutExtension(scriptFile));

    [Fact]
    public void The_generated_metadata_has_every_trigger_kind_and_LocalHost_can_host_all_of_it()
    {
        var metadata = AppMetadata();
        Assert.Equivalent(
            new[] { "httpTrigger", "queueTrigger", "timerTrigger", "orchestrationTrigger", "activityTrigger" },
            metadata.Select(f => f.TriggerType).Distinct().ToArray());

        var catalog = FunctionCatalog.Load(metadata, Load);

        Assert.Equal(metadata.Count, catalog.Functions.Count);
        Assert.Equal(Enum.GetValues<TriggerKind>().Order(), catalog.Functions.Select(f => f.Kind).Distinct().Order());
    }

    [Fact]
    public void A_trigger_LocalHost_cannot_host_stops_start_up_with_its_name()
    {
        var entry = Entry("ThumbnailMaker", "Bollebygd.Functions.Tests.LocalHost.TestFunctions.Strings",
            Binding("blob", "blobTrigger", ("path", "uploads/{name}")));

        var ex = Assert.Throws<UnhostableFunctionsException>(() => FunctionCatalog.Load([entry], _ => typeof(TestFunctions).Assembly));

        Assert.Contains(ex.Problems, p => p.StartsWith("ThumbnailMaker: trigger type 'blobTrigger' is not supported", StringComparison.Ordinal));
    }

    [Fact]
    public void An_output_binding_is_refused_rather_than_ignored()
    {
        var entry = Entry("Strings", "Bollebygd.Functions.Tests.LocalHost.TestFunctions.Strings",
            Binding("message", "queueTrigger", ("queueName", "in")),
            Binding("$return", "queue", ("queueName", "out"), ("direction", "Out")));

        var ex = Assert.Throws<UnhostableFunctionsException>(() => FunctionCatalog.Load([entry], _ => typeof(TestFunctions).Assembly));

        Assert.Contains(ex.Problems, p => p.Contains("binding '$return' of type 'queue'", StringComparison.Ordinal));
        Assert.Contains("LocalHost cannot host these functions", ex.Message);
    }

    [Fact]
    public void A_FunctionContext_parameter_is_refused_with_advice()
    {
        var entry = Entry("WithContext", "Bollebygd.Functions.Tests.LocalHost.TestFunctions.WithContext",
            Binding("message", "queueTrigger", ("queueName", "in")));

        var ex = Assert.Throws<UnhostableFunctionsException>(() => FunctionCatalog.Load([entry], _ => typeof(TestFunctions).Assembly));

        Assert.Contains(ex.Problems, p => p.Contains("FunctionContext", StringComparison.Ordinal) && p.Contains("ILogger<T>", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var entries = new[]
        {
            Entry("Missing", "Bollebygd.Functions.Tests.LocalHost.TestFunctions.NoSuchMethod", Binding("message", "queueTrigger")),
            Entry("Blob", "Bollebygd.Functions.Tests.LocalHost.TestFunctions.Strings", Binding("b", "blobTrigger")),
        };

        var ex = Assert.Throws<UnhostableFunctionsException>(() => FunctionCatalog.Load(entries, _ => typeof(TestFunctions).Assembly));

        Assert.Equal(2, ex.Problems.Count);
    }

    internal static FunctionEntry Entry(string name, string entryPoint, params JsonObject[] bindings) =>
        new(name, "Bollebygd.Functions.Tests.dll", entryPoint, bindings);

    internal static JsonObject Binding(string name, string type, params (string Key, string Value)[] properties)
    {
        var binding = new JsonObject { ["name"] = name, ["type"] = type, ["direction"] = "In" };
        foreach (var (key, value) in properties)
        {
            binding[key] = value;
        }
        return binding;
    }
}
