using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Intake;

/// <summary>What became of a submission.</summary>
public abstract record SubmissionOutcome
{
    /// <summary>No such e-service, or it is not a web form.</summary>
    public sealed record UnknownService : SubmissionOutcome;

    /// <summary>Refused, field by field (Swedish messages keyed by field name).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, IReadOnlyList<string>> Errors) : SubmissionOutcome;

    /// <summary>The same submission id is being handled by another request right now; try again shortly.</summary>
    public sealed record InProgress : SubmissionOutcome;

    /// <summary>The case exists (new, or the one an earlier request with the same submission id created).</summary>
    /// <remarks><see cref="TrackingToken"/> is null when the submission id was seen before: the link went out then.</remarks>
    public sealed record Accepted(CaseReference Reference, string? TrackingToken, string CitizenStatus, bool IsNew) : SubmissionOutcome;
}
