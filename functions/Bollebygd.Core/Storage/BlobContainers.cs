namespace Bollebygd.Core.Storage;

/// <summary>Private blob containers. Blob names are ids the system chose, never text from users.</summary>
public static class BlobContainers
{
    /// <summary>Accepted submissions as JSON documents, <c>{caseId}/submission.json</c>.</summary>
    public const string Submissions = "submissions";

    /// <summary>Files citizens uploaded, by upload id.</summary>
    public const string Uploads = "uploads";

    /// <summary>Arriving e-mail exactly as it came, <c>{key}.eml</c> (SHA-256 of the Message-ID).</summary>
    public const string RawMail = "raw-mail";

    /// <summary>One blob per function mailbox: its polling lease and read watermark.</summary>
    public const string MailboxState = "mailbox-state";

    /// <summary>The routing classifier's current model, <c>model.json</c>.</summary>
    public const string Routing = "routing";

    /// <summary>Blobs whose leases say who may do something alone (the Platina writer).</summary>
    public const string Leases = "leases";

    /// <summary>Keys the app made for itself (the remiss links' signing key), never leaving its storage.</summary>
    public const string Keys = "keys";

    /// <summary>Nightly copies of every table, <c>tables/{yyyy-MM-dd}/{table}.jsonl.gz</c> (Tables have no restore of their own).</summary>
    public const string Backups = "backups";
}
