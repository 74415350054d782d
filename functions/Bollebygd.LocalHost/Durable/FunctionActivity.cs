using Bollebygd.LocalHost.Invocation;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.LocalHost.Durable;

/// <summary>Runs an activityTrigger function as a Durable Task activity; its input arrives as the trigger parameter's type.</summary>
public sealed class FunctionActivity(HostedFunction function, IServiceProvider services, FunctionInvoker invoker, CancellationToken stopping) : ITaskActivity
{
    public Type InputType => function.TriggerParameter?.ParameterType ?? typeof(object);

    public Type OutputType => function.ResultType == typeof(void) ? typeof(object) : function.ResultType;

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using var scope = services.CreateAsyncScope();
        return await invoker.InvokeAsync(function, new InvocationContext(scope.ServiceProvider, stopping) { TriggerValue = input },
            $"Activity of orchestration '{context.InstanceId}'.");
    }
}
