namespace Bollebygd.Core.Registry;

/// <summary>
/// Port: the right to write to Platina — one writer at a time across every instance, as its API assumes no
/// concurrent access. Disposing the lease releases it.
/// </summary>
public interface IRegistryWriterLease
{
    /// <summary>The lease, or null when another writer holds it now.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken);
}
