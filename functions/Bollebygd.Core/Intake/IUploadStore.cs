using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Intake;

/// <summary>Port: files citizens upload before they send a form or a message.</summary>
public interface IUploadStore
{
    Task<Attachment> SaveAsync(ReadOnlyMemory<byte> content, string name, string contentType, CancellationToken cancellationToken);

    Task<Attachment?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The file's bytes, or null when it is not there.</summary>
    Task<byte[]?> ReadAsync(string id, CancellationToken cancellationToken);
}
