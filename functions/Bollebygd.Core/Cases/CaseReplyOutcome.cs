namespace Bollebygd.Core.Cases;

/// <summary>What became of a reply written by staff.</summary>
public abstract record CaseReplyOutcome
{
    /// <summary>On the timeline and queued for sending (also when the same reply id came before: a retry).</summary>
    public sealed record Queued(string EntryId) : CaseReplyOutcome;

    public sealed record NotFound : CaseReplyOutcome;

    /// <summary>Refused, field by field (Swedish messages keyed by field name).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, IReadOnlyList<string>> Errors) : CaseReplyOutcome;
}
