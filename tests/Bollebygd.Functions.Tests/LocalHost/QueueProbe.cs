using System.Collections.Concurrent;

namespace Bollebygd.Functions.Tests.LocalHost;

/// <summary>Remembers what the test functions were invoked with.</summary>
public sealed class QueueProbe
{
    public ConcurrentQueue<(string Value, int Number)> Calls { get; } = new();

    public void Record(string value, int number) => Calls.Enqueue((value, number));

    public sealed record Order(string Reference, int Lines);
}
