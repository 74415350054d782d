using Microsoft.AspNetCore.Http;

namespace Bollebygd.LocalHost.Invocation;

/// <summary>What one invocation binds its parameters from.</summary>
public sealed class InvocationContext(IServiceProvider services, CancellationToken cancellationToken)
{
    public IServiceProvider Services { get; } = services;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The trigger's payload: a queue message, a TimerInfo, an orchestration context, an activity input.</summary>
    public object? TriggerValue { get; init; }

    public HttpContext? Http { get; init; }

    /// <summary>Trigger metadata bound by parameter name, such as a queue message's <c>dequeueCount</c>.</summary>
    public IReadOnlyDictionary<string, object?> BindingData { get; init; } = new Dictionary<string, object?>();
}
