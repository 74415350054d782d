using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bollebygd.LocalHost.Invocation;

/// <summary>
/// Invokes a function the way the isolated worker does: a new instance of the function class per invocation, built by
/// dependency injection from the invocation's scope; static methods need none.
/// </summary>
public sealed class FunctionInvoker(ILogger<FunctionInvoker> logger)
{
    private readonly ConcurrentDictionary<Type, ObjectFactory> _factories = new();

    public async Task<object?> InvokeAsync(HostedFunction function, InvocationContext context, string reason)
    {
        // Only names the invocation in logs; orchestration decisions never see it, so replay stays deterministic.
#pragma warning disable DURABLE0002
        var invocationId = Guid.NewGuid();
#pragma warning restore DURABLE0002
        var started = Stopwatch.GetTimestamp();
        // Orchestrators replay on every step; their invocations would drown the log at Information.
        var level = function.Kind == TriggerKind.Orchestration ? LogLevel.Debug : LogLevel.Information;
        logger.Log(level, "Executing 'Functions.{FunctionName}' (Reason='{Reason}', Id={InvocationId})", function.Name, reason, invocationId);
        object? instance = null;
        try
        {
            if (!function.Method.IsStatic)
            {
                var factory = _factories.GetOrAdd(function.Method.DeclaringType!, t => ActivatorUtilities.CreateFactory(t, Type.EmptyTypes));
                instance = factory(context.Services, null);
            }
            var arguments = function.Binders.Select(bind => bind(context)).ToArray();
            object? returned;
            try
            {
                returned = function.Method.Invoke(instance, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
            var result = await UnwrapAsync(returned);
            logger.Log(level, "Executed 'Functions.{FunctionName}' (Succeeded, Id={InvocationId}, Duration={DurationMs}ms)",
                function.Name, invocationId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Executed 'Functions.{FunctionName}' (Failed, Id={InvocationId}, Duration={DurationMs}ms)",
                function.Name, invocationId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static async Task<object?> UnwrapAsync(object? returned)
    {
        switch (returned)
        {
            case null:
                return null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType && type.GetGenericArguments()[0].Name != "VoidTaskResult"
                    ? type.GetProperty(nameof(Task<object>.Result))!.GetValue(task)
                    : null;
        }
        var returnedType = returned.GetType();
        if (returnedType.IsGenericType && returnedType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var asTask = (Task)returnedType.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
            return await UnwrapAsync(asTask);
        }
        return returned;
    }
}
