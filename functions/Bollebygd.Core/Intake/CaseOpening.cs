using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Intake;

/// <summary>What became of an attempt to open a case for an intake key.</summary>
public abstract record CaseOpening
{
    /// <summary>This attempt created the case (or finished one a crashed attempt had begun).</summary>
    public sealed record Opened(string CaseId, CaseReference Reference) : CaseOpening;

    /// <summary>The key already became a case earlier.</summary>
    public sealed record Existing(string CaseId) : CaseOpening;

    /// <summary>Another attempt holds the key right now; try again shortly.</summary>
    public sealed record InProgress : CaseOpening;

    /// <summary>
    /// The key was claimed by another source (a submission id reused for another e-service; a mail already put on
    /// an existing case, <see cref="CaseId"/>).
    /// </summary>
    public sealed record OtherSource(string Source, string CaseId) : CaseOpening;
}
