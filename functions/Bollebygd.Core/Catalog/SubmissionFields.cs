namespace Bollebygd.Core.Catalog;

/// <summary>Field names every form has, by convention of the catalogue, and the fields outside the definition.</summary>
public static class SubmissionFields
{
    /// <summary>The applicant's e-mail: where the receipt goes.</summary>
    public const string Email = "epost";

    /// <summary>The applicant's name.</summary>
    public const string Name = "namn";

    /// <summary>The client's idempotency key for a submission.</summary>
    public const string SubmissionId = "submissionId";

    /// <summary>The honeypot: hidden from people, filled in by bots. A submission that fills it is refused.</summary>
    public const string Honeypot = "webbplats";
}
