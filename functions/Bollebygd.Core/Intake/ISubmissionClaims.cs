namespace Bollebygd.Core.Intake;

/// <summary>
/// Port: the idempotency records of every channel, keyed by an intake key (a web submission id, <c>mail-{key}</c> for
/// an arriving mail, <c>out-{key}</c> for an outgoing one).
/// </summary>
public interface ISubmissionClaims
{
    /// <summary>Creates the claim, or returns the existing one (with <c>ClaimedNow</c> false).</summary>
    Task<SubmissionClaim> ClaimAsync(string submissionId, string serviceId, string caseId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<SubmissionClaim?> FindAsync(string submissionId, CancellationToken cancellationToken);

    /// <summary>Saves a changed claim if nobody changed it since; throws <see cref="Cases.ConcurrencyConflictException"/> otherwise.</summary>
    Task<SubmissionClaim> UpdateAsync(SubmissionClaim claim, CancellationToken cancellationToken);
}
