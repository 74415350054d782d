using System.Reflection;
using System.Text.Json.Nodes;
using Bollebygd.LocalHost.Metadata;

namespace Bollebygd.LocalHost.Invocation;

/// <summary>A function from <c>functions.metadata</c>, resolved to its method with a binder for every parameter.</summary>
public sealed class HostedFunction(
    FunctionEntry definition,
    TriggerKind kind,
    MethodInfo method,
    IReadOnlyList<Func<InvocationContext, object?>> binders)
{
    public FunctionEntry Definition { get; } = definition;

    public string Name => Definition.Name;

    public TriggerKind Kind { get; } = kind;

    public JsonObject Trigger => Definition.Trigger!;

    public MethodInfo Method { get; } = method;

    public IReadOnlyList<Func<InvocationContext, object?>> Binders { get; } = binders;

    /// <summary>The parameter the trigger binds to, if the method declares one.</summary>
    public ParameterInfo? TriggerParameter =>
        Method.GetParameters().FirstOrDefault(p => p.Name == FunctionEntry.BindingName(Trigger));

    /// <summary>The result type with Task/ValueTask taken off; <c>typeof(void)</c> when there is none.</summary>
    public Type ResultType
    {
        get
        {
            var type = Method.ReturnType;
            if (type == typeof(Task) || type == typeof(ValueTask))
            {
                return typeof(void);
            }
            if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            {
                return type.GetGenericArguments()[0];
            }
            return type;
        }
    }
}
