using Bollebygd.Core.Cases;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Intake;

/// <summary>
/// "Do this once" for work keyed by an id that retries and races share: a web submission id, an e-mail's Message-ID,
/// an outgoing mail's Message-ID. The first attempt claims the key; later ones learn that the work is done, or busy,
/// or — when the claim has sat unfinished longer than the takeover time, because its attempt died — take it over.
/// </summary>
public sealed class ClaimGate(ISubmissionClaims claims, TimeProvider time, ILogger<ClaimGate> logger)
{
    public async Task<ClaimAttempt> EnterAsync(string key, string source, string caseId, TimeSpan takeoverAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claim = await claims.ClaimAsync(key, source, caseId, now, cancellationToken);
        if (claim.ClaimedNow)
        {
            return new ClaimAttempt.Entered(claim);
        }
        if (claim.ServiceId != source)
        {
            return new ClaimAttempt.OtherSource(claim);
        }
        if (claim.Completed)
        {
            return new ClaimAttempt.Done(claim);
        }
        if (now - claim.ClaimedAt < takeoverAfter)
        {
            return new ClaimAttempt.Busy(claim);
        }
        try
        {
            claim = await claims.UpdateAsync(claim with { ClaimedAt = now }, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return new ClaimAttempt.Busy(claim);
        }
        logger.LogWarning("Claim {ClaimKey} was left unfinished; taking it over for case {CaseId}", key, claim.CaseId);
        return new ClaimAttempt.Entered(claim);
    }

    public Task<SubmissionClaim?> FindAsync(string key, CancellationToken cancellationToken) => claims.FindAsync(key, cancellationToken);

    /// <summary>Marks the work done; throws <see cref="ConcurrencyConflictException"/> when another attempt took the claim over.</summary>
    public Task<SubmissionClaim> CompleteAsync(SubmissionClaim claim, CancellationToken cancellationToken) =>
        claims.UpdateAsync(claim with { Completed = true }, cancellationToken);

    public Task<SubmissionClaim> UpdateAsync(SubmissionClaim claim, CancellationToken cancellationToken) =>
        claims.UpdateAsync(claim, cancellationToken);
}
