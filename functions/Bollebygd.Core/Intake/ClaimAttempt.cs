namespace Bollebygd.Core.Intake;

/// <summary>What came of trying to take a claim (see <see cref="ClaimGate"/>).</summary>
public abstract record ClaimAttempt
{
    /// <summary>The caller holds the claim: new, or taken over from an attempt that died.</summary>
    public sealed record Entered(SubmissionClaim Claim) : ClaimAttempt;

    /// <summary>The work was finished earlier.</summary>
    public sealed record Done(SubmissionClaim Claim) : ClaimAttempt;

    /// <summary>Another attempt holds the claim right now.</summary>
    public sealed record Busy(SubmissionClaim Claim) : ClaimAttempt;

    /// <summary>The key was claimed for something else.</summary>
    public sealed record OtherSource(SubmissionClaim Claim) : ClaimAttempt;
}
