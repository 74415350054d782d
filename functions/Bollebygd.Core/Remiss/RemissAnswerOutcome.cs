namespace Bollebygd.Core.Remiss;

public abstract record RemissAnswerOutcome
{
    /// <summary>The answer is on the case (also when it was there already: a retry).</summary>
    public sealed record Accepted(string CaseId, string InstanceId) : RemissAnswerOutcome;

    /// <summary>The link is not valid (forged, altered, expired) or the remiss is gone.</summary>
    public sealed record NotFound : RemissAnswerOutcome;

    /// <summary>Already answered, or the case is closed.</summary>
    public sealed record Closed : RemissAnswerOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, IReadOnlyList<string>> Errors) : RemissAnswerOutcome;
}
