namespace Bollebygd.Core.Registry;

/// <summary>
/// Port: the right to write to Platina — one writer at a time across every instance, as its API assumes no
/// concurrent access. The lease is kept while held; <see cref="IRegistryWriter.Lost"/> fires if it is lost anyway.
/// Disposing releases it.
/// </summary>
public interface IRegistryWriterLease
{
    /// <summary>The lease, or null when another writer holds it now.</summary>
    Task<IRegistryWriter?> TryAcquireAsync(CancellationToken cancellationToken);
}
