namespace Bollebygd.Core.Operations;

/// <summary>
/// Port: copies of the app's tables in blob storage, one set per day, and their restore. Table storage has no
/// point-in-time restore of its own; the blobs it is copied to have soft delete and versions.
/// </summary>
public interface ITableBackups
{
    /// <summary>Copies every table as it is now under <paramref name="day"/> (again the same day: replaced).</summary>
    Task<TableBackupReport> BackupAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the rows of <paramref name="day"/>'s copy back (as they were then; rows made since are left as they are),
    /// for the named tables or all. Throws when there is no copy of that day.
    /// </summary>
    Task<TableBackupReport> RestoreAsync(DateOnly day, IReadOnlyCollection<string>? tables, CancellationToken cancellationToken);
}
