using System.Reflection;
using Bollebygd.Adapters.Storage;
using Bollebygd.Functions;
using Bollebygd.LocalHost.Configuration;
using Bollebygd.LocalHost.DevelopmentIdentity;
using Bollebygd.LocalHost.Durable;
using Bollebygd.LocalHost.Http;
using Bollebygd.LocalHost.Invocation;
using Bollebygd.LocalHost.Metadata;
using Bollebygd.LocalHost.Queues;
using Bollebygd.LocalHost.StaticWeb;
using Bollebygd.LocalHost.Timers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bollebygd.LocalHost;

/// <summary>
/// Builds the local runtime: the Function App's own services (<c>AddBollebygd</c>), every function of
/// <c>functions.metadata</c> bound to its trigger, and <c>web/</c> served at <c>/</c>.
/// </summary>
public static class LocalFunctionsHost
{
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>
    /// Settings that steer LocalHost itself (all optional): <c>LocalHost:FunctionAppPath</c> (folder with
    /// functions.metadata and host.json), <c>LocalHost:WebRoot</c>, <c>LocalHost:SettingsFile</c> (a
    /// local.settings.json) and <c>LocalHost:DurablePort</c>.
    /// </summary>
    public const string Section = "LocalHost";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var repoRoot = FindRepositoryRoot();

        // local.settings.json sits below environment variables and arguments, as with `func start`.
        var settingsFile = builder.Configuration[$"{Section}:SettingsFile"] ?? DefaultSettingsFile(repoRoot);
        if (settingsFile is not null)
        {
            builder.Configuration.Sources.Insert(0, new LocalSettingsSource(settingsFile));
        }
        if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var appPath = builder.Configuration[$"{Section}:FunctionAppPath"] ?? AppContext.BaseDirectory;
        var webRoot = builder.Configuration[$"{Section}:WebRoot"] ?? (repoRoot is null ? null : Path.Combine(repoRoot, "web"));
        var hostSettings = HostSettings.Load(Path.Combine(appPath, "host.json"), builder.Configuration);
        var catalog = FunctionCatalog.Load(
            FunctionMetadataReader.Read(Path.Combine(appPath, FunctionMetadataReader.FileName)),
            scriptFile => Assembly.Load(Path.GetFileNameWithoutExtension(scriptFile)));

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        // Keep the console about the functions, as the Functions host does; the SDKs' own chatter only when it matters.
        builder.Logging.AddFilter("Azure", LogLevel.Error); // expected 404s (a queue not created yet) are warnings there
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        builder.Services.AddBollebygd(builder.Configuration);
        builder.Services.AddMvcCore();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(hostSettings);
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton<TimerStatusStore>();
        builder.Services.AddSingleton<DevelopmentIdentityProvider>();
        builder.Services.AddSingleton<AuthorizationCodes>();
        builder.Services.AddDurableFunctions(catalog, builder.Configuration.GetValue<int?>($"{Section}:DurablePort"));

        // Resolve schedules and queue names now, so a missing setting stops start-up with a clear message.
        var problems = new List<string>();
        foreach (var function in catalog.OfKind(TriggerKind.Queue))
        {
            AddListener(builder.Services, problems, function, sp => ActivatorUtilities.CreateInstance<QueueTriggerListener>(sp, function, hostSettings.Queues),
                () =>
                {
                    var connection = FunctionEntry.BindingString(function.Trigger, "connection") is { Length: > 0 } c ? c : StorageConnection.SectionName;
                    StorageEndpoints.From(builder.Configuration, connection);
                    return AppSettingResolver.Resolve(FunctionEntry.BindingString(function.Trigger, "queueName") ?? "", builder.Configuration);
                });
        }
        foreach (var function in catalog.OfKind(TriggerKind.Timer))
        {
            AddListener(builder.Services, problems, function, sp => ActivatorUtilities.CreateInstance<TimerTriggerScheduler>(sp, function),
                () => TimerSchedule.Parse(
                    AppSettingResolver.Resolve(FunctionEntry.BindingString(function.Trigger, "schedule") ?? "", builder.Configuration),
                    builder.Configuration[TimerSchedule.TimeZoneSetting]));
        }
        if (problems.Count > 0)
        {
            throw new UnhostableFunctionsException(problems);
        }

        var app = builder.Build();
        app.Services.GetRequiredService<RootServices>().Provider = app.Services;
        if (webRoot is not null && Directory.Exists(webRoot))
        {
            app.UseStaticWebApp(webRoot, hostSettings.RoutePrefix);
        }
        app.UseRouting();
        app.MapDevelopmentIdentity(builder.Configuration);
        app.MapHttpTriggers(catalog, hostSettings.RoutePrefix);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalFunctionsHost));
        logger.LogInformation("Functions: {Functions}", string.Join(", ", catalog.Functions.Select(f => $"{f.Name} ({f.Kind})")));
        logger.LogInformation("Settings from {SettingsFile}; web root {WebRoot}", settingsFile ?? "(none)", webRoot ?? "(none)");
        return app;
    }

    private static void AddListener(IServiceCollection services, List<string> problems, HostedFunction function,
        Func<IServiceProvider, IHostedService> create, Func<object> validate)
    {
        try
        {
            validate();
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            problems.Add($"{function.Name}: {ex.Message}");
            return;
        }
        services.AddSingleton(create);
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bollebygd.Functions.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    private static string? DefaultSettingsFile(string? repoRoot)
    {
        if (repoRoot is null)
        {
            return null;
        }
        var appSettings = Path.Combine(repoRoot, "functions", "Bollebygd.Functions", "local.settings.json");
        return File.Exists(appSettings) ? appSettings : Path.Combine(repoRoot, "local.settings.sample.json");
    }
}
