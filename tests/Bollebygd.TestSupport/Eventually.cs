namespace Bollebygd.TestSupport;

/// <summary>Waits for something asynchronous (a queue, a timer, an orchestration) to reach the expected state.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, Func<T?, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await probe();
            if (done(last))
            {
                return last!;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; last seen: {last}");
    }
}
