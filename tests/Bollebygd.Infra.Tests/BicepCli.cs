using System.Diagnostics;
using System.Reflection;

namespace Bollebygd.Infra.Tests;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (restored with this project; its path is
/// written into the assembly at build time). Runs offline: the templates use no public registry modules.
/// </summary>
public static class BicepCli
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Executable
    {
        get
        {
            var root = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "BicepPackageRoot").Value;
            var path = Path.Combine(root!, "tools", "bicep");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("The Bicep CLI is not restored (package Azure.Bicep.CommandLine.linux-x64).", path);
            }
            // NuGet does not keep the executable bit everywhere. (The package is the Linux one: this runs on Linux.)
            if (!OperatingSystem.IsLinux())
            {
                throw new PlatformNotSupportedException("The Bicep CLI package restored here is for Linux x64.");
            }
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.UserRead);
            return path;
        }
    }

    public static (int ExitCode, string StdOut, string StdErr) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Offline and quiet: no telemetry, no update check.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "azure.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "infra")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("The repository root (with azure.yaml and infra/) was not found above the test assembly.");
    }
}
