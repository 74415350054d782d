namespace Bollebygd.Core.Cases;

public enum TimelineEntryKind
{
    /// <summary>The case arrived (for a web form: the submission).</summary>
    Received,

    /// <summary>A message from the citizen (an answer or a complement).</summary>
    CitizenMessage,

    /// <summary>
    /// A message about the case from someone other than the applicant (a mail with the case's reference from another
    /// address): staff see it, the citizen's status page does not.
    /// </summary>
    OtherPartyMessage,

    /// <summary>A message from the municipality to the citizen.</summary>
    MunicipalityMessage,

    /// <summary>An internal note, never shown to the citizen.</summary>
    InternalNote,

    /// <summary>Something happened to the case (status, assignment, receipt sent…).</summary>
    Event,
}
