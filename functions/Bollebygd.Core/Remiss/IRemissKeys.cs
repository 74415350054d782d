namespace Bollebygd.Core.Remiss;

/// <summary>
/// Port: the key remiss links are signed with. The app makes it itself on first use and keeps it in its own storage,
/// reached by managed identity: no setting holds it and no one has to rotate it by hand.
/// </summary>
public interface IRemissKeys
{
    Task<byte[]> KeyAsync(CancellationToken cancellationToken);
}
