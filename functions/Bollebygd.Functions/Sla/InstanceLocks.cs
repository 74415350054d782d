namespace Bollebygd.Functions.Sla;

/// <summary>
/// One start-or-signal at a time per orchestration instance within this process (striped: 64 locks by the id's hash).
/// Two signals racing to start the same case's workflow would otherwise both schedule it; the Azure Storage backend
/// refuses the second, but LocalHost's in-memory backend would record two starts of one instance and break it.
/// Across instances in Azure the backend's refusal, caught by the caller, does the rest.
/// </summary>
public static class InstanceLocks
{
    private static readonly SemaphoreSlim[] Stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public static async Task<IDisposable> EnterAsync(string instanceId, CancellationToken cancellationToken)
    {
        var stripe = Stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(instanceId) % Stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
