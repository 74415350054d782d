namespace Bollebygd.Core.Mail;

/// <summary>Port: arriving mail exactly as it came, kept under its <see cref="InboundMailKey.Key"/>.</summary>
public interface IRawMailStore
{
    /// <summary>Stores the message; storing the same key again keeps the first copy.</summary>
    Task SaveAsync(string key, ReadOnlyMemory<byte> raw, CancellationToken cancellationToken);

    Task<ReadOnlyMemory<byte>?> ReadAsync(string key, CancellationToken cancellationToken);
}
