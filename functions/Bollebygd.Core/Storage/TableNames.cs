namespace Bollebygd.Core.Storage;

/// <summary>Names of the Azure Tables the product owns.</summary>
public static class TableNames
{
    /// <summary>Append-only audit log: who did what, when.</summary>
    public const string AuditLog = "AuditLog";

    /// <summary>Open and resolved operator alerts (poison messages and the like).</summary>
    public const string OperatorAlerts = "OperatorAlerts";
}
