using Bollebygd.LocalHost.Invocation;
using Microsoft.DurableTask;

namespace Bollebygd.LocalHost.Durable;

/// <summary>
/// Runs an orchestrationTrigger function as a Durable Task orchestrator. The input arrives as the function's one
/// unbound parameter, as with the Functions extension; without one, <c>GetInput&lt;T&gt;()</c> works when the function
/// is declared on a <see cref="TaskOrchestrator{TInput,TOutput}"/>, whose input type is then used.
/// </summary>
public sealed class FunctionOrchestrator(HostedFunction function, IServiceProvider services, FunctionInvoker invoker) : ITaskOrchestrator
{
    public Type InputType { get; } = InputTypeOf(function);

    public Type OutputType => function.ResultType == typeof(void) ? typeof(object) : function.ResultType;

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        // Orchestrator code is replayed on the orchestration's own thread: no scope and no I/O here.
        invoker.InvokeAsync(function, new InvocationContext(services, CancellationToken.None)
        {
            TriggerValue = context,
            BindingData = new Dictionary<string, object?> { [FunctionCatalog.OrchestrationInput] = input },
        }, context.IsReplaying ? "Orchestration replay." : "Orchestration step.");

    public static Type InputTypeOf(HostedFunction function)
    {
        var trigger = function.TriggerParameter;
        var inputParameter = function.Method.GetParameters()
            .FirstOrDefault(p => p != trigger && p.ParameterType != typeof(CancellationToken));
        if (inputParameter is not null)
        {
            return inputParameter.ParameterType;
        }
        for (var type = function.Method.DeclaringType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(TaskOrchestrator<,>))
            {
                return type.GetGenericArguments()[0];
            }
        }
        return typeof(object);
    }
}
