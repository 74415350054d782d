namespace Bollebygd.Core.Intake;

/// <summary>Port: the idempotency record of submissions, keyed by the client's submission id.</summary>
public interface ISubmissionClaims
{
    /// <summary>Creates the claim, or returns the existing one (with <c>ClaimedNow</c> false).</summary>
    Task<SubmissionClaim> ClaimAsync(string submissionId, string serviceId, string caseId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Saves a changed claim if nobody changed it since; throws <see cref="Cases.ConcurrencyConflictException"/> otherwise.</summary>
    Task<SubmissionClaim> UpdateAsync(SubmissionClaim claim, CancellationToken cancellationToken);
}
