using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Tests.LocalHost;

/// <summary>Functions that exist only to exercise LocalHost's bindings; the test metadata points at them.</summary>
public sealed class TestFunctions(QueueProbe probe)
{
    [Function("Strings")]
    public Task Strings(string message, int dequeueCount)
    {
        probe.Record(message, dequeueCount);
        return message.Contains("fail", StringComparison.Ordinal)
            ? throw new InvalidOperationException("This message always fails.")
            : Task.CompletedTask;
    }

    [Function("Poco")]
    public void Poco(QueueProbe.Order order) => probe.Record(order.Reference, order.Lines);

    [Function("WithContext")]
    public void WithContext(string message, FunctionContext context) => probe.Record(message + context.FunctionId, 0);
}
