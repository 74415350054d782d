using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using Bollebygd.LocalHost.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.LocalHost.Invocation;

/// <summary>
/// The functions of <c>functions.metadata</c>, each resolved to its method and checked binding by binding and
/// parameter by parameter. <see cref="Load"/> collects every problem and throws them together.
/// </summary>
public sealed class FunctionCatalog
{
    /// <summary>How the isolated worker's default serializer reads JSON payloads: case-insensitive names.</summary>
    public static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, TriggerKind> TriggerKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["httpTrigger"] = TriggerKind.Http,
        ["queueTrigger"] = TriggerKind.Queue,
        ["timerTrigger"] = TriggerKind.Timer,
        ["orchestrationTrigger"] = TriggerKind.Orchestration,
        ["activityTrigger"] = TriggerKind.Activity,
    };

    private static readonly HashSet<string> QueueBindingData = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "dequeueCount", "insertionTime", "expirationTime", "nextVisibleTime", "popReceipt",
    };

    /// <summary>The binding-data key under which an orchestration's deserialized input is passed.</summary>
    public const string OrchestrationInput = "$input";

    private FunctionCatalog(IReadOnlyList<HostedFunction> functions) => Functions = functions;

    public IReadOnlyList<HostedFunction> Functions { get; }

    public IEnumerable<HostedFunction> OfKind(TriggerKind kind) => Functions.Where(f => f.Kind == kind);

    public static FunctionCatalog Load(IReadOnlyList<FunctionEntry> definitions, Func<string, Assembly> loadAssembly)
    {
        var problems = new List<string>();
        var functions = new List<HostedFunction>();
        foreach (var definition in definitions)
        {
            var hosted = Resolve(definition, loadAssembly, problems);
            if (hosted is not null)
            {
                functions.Add(hosted);
            }
        }
        if (problems.Count > 0)
        {
            throw new UnhostableFunctionsException(problems);
        }
        return new FunctionCatalog(functions);
    }

    private static HostedFunction? Resolve(FunctionEntry definition, Func<string, Assembly> loadAssembly, List<string> problems)
    {
        var name = definition.Name;
        var triggers = definition.Bindings.Where(b => FunctionEntry.BindingType(b).EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)).ToList();
        if (triggers.Count != 1)
        {
            problems.Add($"{name}: expected exactly one trigger binding, found {triggers.Count}.");
            return null;
        }
        if (!TriggerKinds.TryGetValue(definition.TriggerType, out var kind))
        {
            problems.Add($"{name}: trigger type '{definition.TriggerType}' is not supported by LocalHost " +
                         $"(supported: {string.Join(", ", TriggerKinds.Keys)}).");
            return null;
        }

        foreach (var binding in definition.Bindings.Where(b => !ReferenceEquals(b, triggers[0])))
        {
            var type = FunctionEntry.BindingType(binding);
            var isHttpReturn = kind == TriggerKind.Http && type.Equals("http", StringComparison.OrdinalIgnoreCase);
            if (!isHttpReturn && !type.Equals("durableClient", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{name}: binding '{FunctionEntry.BindingName(binding)}' of type '{type}' " +
                             $"({FunctionEntry.BindingString(binding, "direction")}) is not supported by LocalHost; " +
                             "use an SDK client from dependency injection instead of an input/output binding.");
            }
        }

        var method = FindMethod(definition, loadAssembly, problems);
        if (method is null)
        {
            return null;
        }

        var before = problems.Count;
        CheckReturnType(definition, kind, method, problems);
        var binders = method.GetParameters().Select(p => BinderFor(definition, kind, triggers[0], p, problems)).ToList();
        return problems.Count == before ? new HostedFunction(definition, kind, method, binders!) : null;
    }

    private static MethodInfo? FindMethod(FunctionEntry definition, Func<string, Assembly> loadAssembly, List<string> problems)
    {
        var lastDot = definition.EntryPoint.LastIndexOf('.');
        if (lastDot <= 0)
        {
            problems.Add($"{definition.Name}: entry point '{definition.EntryPoint}' is not Type.Method.");
            return null;
        }
        Assembly assembly;
        try
        {
            assembly = loadAssembly(definition.ScriptFile);
        }
        catch (Exception ex)
        {
            problems.Add($"{definition.Name}: cannot load '{definition.ScriptFile}': {ex.Message}");
            return null;
        }
        var typeName = definition.EntryPoint[..lastDot];
        var methodName = definition.EntryPoint[(lastDot + 1)..];
        var type = assembly.GetType(typeName);
        var method = type?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .SingleOrDefault(m => m.Name == methodName && m.GetCustomAttribute<FunctionAttribute>()?.Name == definition.Name);
        if (method is null)
        {
            problems.Add($"{definition.Name}: no public method '{definition.EntryPoint}' with [Function(\"{definition.Name}\")] in {assembly.GetName().Name}.");
        }
        return method;
    }

    private static void CheckReturnType(FunctionEntry definition, TriggerKind kind, MethodInfo method, List<string> problems)
    {
        if (kind != TriggerKind.Http)
        {
            return;
        }
        var type = method.ReturnType;
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            type = type.GetGenericArguments()[0];
        }
        if (!typeof(IActionResult).IsAssignableFrom(type) && !typeof(IResult).IsAssignableFrom(type)
            && type != typeof(void) && type != typeof(Task) && type != typeof(ValueTask))
        {
            problems.Add($"{definition.Name}: HTTP functions must return IActionResult or IResult (ASP.NET Core integration); " +
                         $"'{method.ReturnType.Name}' is not supported by LocalHost.");
        }
    }

    private static Func<InvocationContext, object?>? BinderFor(
        FunctionEntry definition, TriggerKind kind, JsonObject trigger, ParameterInfo parameter, List<string> problems)
    {
        var type = parameter.ParameterType;
        var name = parameter.Name!;
        if (type == typeof(CancellationToken))
        {
            return ctx => ctx.CancellationToken;
        }
        if (name == FunctionEntry.BindingName(trigger))
        {
            var triggerBinder = TriggerBinder(kind, type);
            if (triggerBinder is null)
            {
                problems.Add($"{definition.Name}: the {kind} trigger cannot bind to parameter '{name}' of type '{type.Name}'.");
            }
            return triggerBinder;
        }
        var durableClient = definition.Bindings.FirstOrDefault(b =>
            FunctionEntry.BindingName(b) == name && FunctionEntry.BindingType(b).Equals("durableClient", StringComparison.OrdinalIgnoreCase));
        if (durableClient is not null)
        {
            if (type != typeof(DurableTaskClient))
            {
                problems.Add($"{definition.Name}: [DurableClient] parameter '{name}' must be a DurableTaskClient.");
                return null;
            }
            return ctx => ctx.Services.GetRequiredService<DurableTaskClient>();
        }
        if (kind == TriggerKind.Http && RouteParameters(trigger).Contains(name))
        {
            var converter = TypeDescriptor.GetConverter(type);
            return ctx =>
            {
                var raw = ctx.Http!.GetRouteValue(name)?.ToString();
                return raw is null ? null : converter.ConvertFromString(null, CultureInfo.InvariantCulture, raw);
            };
        }
        if (kind == TriggerKind.Orchestration && type != typeof(FunctionContext))
        {
            // As in the Functions extension, the one parameter no binding claims is the orchestration's input.
            return ctx => ctx.BindingData.TryGetValue(OrchestrationInput, out var input) ? input : null;
        }
        if (kind == TriggerKind.Queue && QueueBindingData.Contains(name))
        {
            var target = Nullable.GetUnderlyingType(type) ?? type;
            return ctx => ctx.BindingData.TryGetValue(name, out var value) && value is not null
                ? value is IConvertible && target != value.GetType() && typeof(IConvertible).IsAssignableFrom(target)
                    ? Convert.ChangeType(value, target, CultureInfo.InvariantCulture)
                    : value
                : null;
        }
        if (type == typeof(FunctionContext))
        {
            problems.Add($"{definition.Name}: parameter '{name}' is a FunctionContext, which LocalHost does not provide; " +
                         "take ILogger<T> and services by constructor instead.");
            return null;
        }
        problems.Add($"{definition.Name}: parameter '{name}' of type '{type.Name}' matches no binding LocalHost can host.");
        return null;
    }

    private static Func<InvocationContext, object?>? TriggerBinder(TriggerKind kind, Type type) => kind switch
    {
        TriggerKind.Http when type == typeof(HttpRequest) => ctx => ctx.Http!.Request,
        TriggerKind.Http when type == typeof(HttpContext) => ctx => ctx.Http,
        TriggerKind.Queue when type == typeof(QueueMessage) => ctx => ctx.TriggerValue,
        TriggerKind.Queue when type == typeof(string) => ctx => ((QueueMessage)ctx.TriggerValue!).Body.ToString(),
        TriggerKind.Queue when type == typeof(BinaryData) => ctx => ((QueueMessage)ctx.TriggerValue!).Body,
        TriggerKind.Queue when type == typeof(byte[]) => ctx => ((QueueMessage)ctx.TriggerValue!).Body.ToArray(),
        TriggerKind.Queue when IsPoco(type) => ctx =>
            JsonSerializer.Deserialize(((QueueMessage)ctx.TriggerValue!).Body.ToMemory().Span, type, PayloadJson),
        TriggerKind.Timer when type == typeof(TimerInfo) => ctx => ctx.TriggerValue,
        TriggerKind.Orchestration when type == typeof(TaskOrchestrationContext) => ctx => ctx.TriggerValue,
        // The durable worker has already deserialized the activity input to the parameter's type.
        TriggerKind.Activity => ctx => ctx.TriggerValue,
        _ => null,
    };

    private static bool IsPoco(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type != typeof(string) && !type.IsArray && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true;

    public static IReadOnlyCollection<string> RouteParameters(JsonObject trigger)
    {
        var route = FunctionEntry.BindingString(trigger, "route");
        if (route is null)
        {
            return [];
        }
        return Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(route).Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
