using System.Reflection;

namespace Bollebygd.TestSupport;

/// <summary>Where things are in the repository, found from the test assembly's own location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration the tests themselves were built in.</summary>
    public static string Configuration { get; } =
        Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string FunctionAppOutput => Path.Combine(Root, "functions", "Bollebygd.Functions", "bin", Configuration, "net10.0");

    public static string LocalHostOutput => Path.Combine(Root, "functions", "Bollebygd.LocalHost", "bin", Configuration, "net10.0");

    public static string Web => Path.Combine(Root, "web");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bollebygd.Functions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Bollebygd.Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
