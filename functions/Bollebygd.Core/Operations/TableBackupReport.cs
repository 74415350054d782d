namespace Bollebygd.Core.Operations;

/// <summary>What a backup or restore did: the day's copy and the rows per table.</summary>
public sealed record TableBackupReport(DateOnly Day, IReadOnlyDictionary<string, int> Rows);
