namespace Bollebygd.Core.Intake;

public abstract record CitizenReplyOutcome
{
    public sealed record NotFound : CitizenReplyOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, IReadOnlyList<string>> Errors) : CitizenReplyOutcome;

    /// <summary>The case is closed; the citizen is told to start a new one or call.</summary>
    public sealed record Closed : CitizenReplyOutcome;

    public sealed record Accepted(string Status) : CitizenReplyOutcome;
}
