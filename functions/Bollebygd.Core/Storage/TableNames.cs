namespace Bollebygd.Core.Storage;

/// <summary>Names of the Azure Tables the product owns.</summary>
public static class TableNames
{
    /// <summary>Append-only audit log: who did what, when.</summary>
    public const string AuditLog = "AuditLog";

    /// <summary>Open and resolved operator alerts (poison messages and the like).</summary>
    public const string OperatorAlerts = "OperatorAlerts";

    /// <summary>Cases: one partition per case holding the case entity and its timeline.</summary>
    public const string Cases = "Cases";

    /// <summary>The per-year counters behind case references.</summary>
    public const string CaseCounters = "CaseCounters";

    /// <summary>Submission ids and the case each one became (idempotency).</summary>
    public const string SubmissionClaims = "SubmissionClaims";

    /// <summary>Hashes of tracking tokens and the case each opens.</summary>
    public const string TrackingLinks = "TrackingLinks";

    /// <summary>Case references and the case each names (the subject of a mail carries the reference).</summary>
    public const string CaseReferenceIndex = "CaseReferenceIndex";

    /// <summary>Receipts sent per sender and hour, so no sender is answered in a loop.</summary>
    public const string ReceiptAllowances = "ReceiptAllowances";

    /// <summary>The open cases of each group (PartitionKey the group): the queues' index, kept by the case store.</summary>
    public const string CaseList = "CaseList";

    /// <summary>The audit log again, by subject (PartitionKey a case id): what happened to one case.</summary>
    public const string AuditBySubject = "AuditBySubject";

    /// <summary>Knowledge-base articles (<c>kb</c>), their usage counts (<c>usage</c>) and searches that found nothing (<c>gap</c>).</summary>
    public const string KnowledgeArticles = "KnowledgeArticles";

    /// <summary>Remisser (PartitionKey the case id, RowKey the remiss id): to whom, the question, the deadline, the state.</summary>
    public const string Remisser = "Remisser";

    /// <summary>Staff as last seen signing in (address, roles, groups): whom SLA reminders go to.</summary>
    public const string StaffDirectory = "StaffDirectory";

    /// <summary>Cases labelled by staff (re-routed or closed): the classifier's training data.</summary>
    public const string RoutingExamples = "RoutingExamples";
}
