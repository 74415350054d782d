using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Casework;

/// <summary>What became of a staff member's action on a case.</summary>
public abstract record CaseWorkOutcome
{
    public sealed record Done(CaseRecord Record) : CaseWorkOutcome;

    public sealed record NotFound : CaseWorkOutcome;

    /// <summary>The user's role or groups do not allow it.</summary>
    public sealed record Forbidden : CaseWorkOutcome;

    /// <summary>Someone changed the case since the user read it (a stale ETag).</summary>
    public sealed record Conflict : CaseWorkOutcome;

    /// <summary>Refused, field by field (Swedish messages keyed by field name).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, IReadOnlyList<string>> Errors) : CaseWorkOutcome
    {
        public static Invalid One(string field, string message) => new(new Dictionary<string, IReadOnlyList<string>> { [field] = [message] });
    }
}
