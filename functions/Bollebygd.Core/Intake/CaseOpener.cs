using Bollebygd.Core.Cases;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Intake;

/// <summary>
/// Opens exactly one case per intake key — a web form's submission id, an e-mail's Message-ID — whatever the retries
/// and races: the key is claimed, the reference is allocated against the key (so a retry never burns a number), the
/// caller writes the case, and only then is the claim marked complete. An attempt that died half-way is taken over
/// by the next one after <see cref="ClaimTakeoverAfter"/>, which finishes it with the same case id and reference.
/// </summary>
public sealed class CaseOpener(ISubmissionClaims claims, ICaseReferences references, TimeProvider time, ILogger<CaseOpener> logger)
{
    /// <summary>How long a claim may sit unfinished before a retry takes it over (the first attempt died).</summary>
    public static readonly TimeSpan ClaimTakeoverAfter = TimeSpan.FromSeconds(30);

    /// <param name="key">The intake key; also the key the reference is allocated under.</param>
    /// <param name="source">What the key belongs to (an e-service id, a mailbox); a key claimed by another source is refused.</param>
    /// <param name="write">Writes the case and whatever goes with it; must be idempotent, as a takeover runs it again.</param>
    public async Task<CaseOpening> OpenAsync(string key, string source,
        Func<string, CaseReference, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claim = await claims.ClaimAsync(key, source, Guid.NewGuid().ToString("N"), now, cancellationToken);
        if (!claim.ClaimedNow)
        {
            if (claim.ServiceId != source)
            {
                return new CaseOpening.OtherSource();
            }
            if (claim.Completed)
            {
                return new CaseOpening.Existing(claim.CaseId);
            }
            if (now - claim.ClaimedAt < ClaimTakeoverAfter)
            {
                return new CaseOpening.InProgress();
            }
            try
            {
                claim = await claims.UpdateAsync(claim with { ClaimedAt = now }, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                return new CaseOpening.InProgress();
            }
            logger.LogWarning("Intake {IntakeKey} was left unfinished; completing case {CaseId}", key, claim.CaseId);
        }

        try
        {
            if (claim.Reference is null)
            {
                var allocated = await references.NextAsync(SwedishTime.Now(time).Year, key, cancellationToken);
                claim = await claims.UpdateAsync(claim with { Reference = allocated }, cancellationToken);
            }
            var reference = claim.Reference!.Value;
            await write(claim.CaseId, reference, cancellationToken);
            await claims.UpdateAsync(claim with { Completed = true }, cancellationToken);
            return new CaseOpening.Opened(claim.CaseId, reference);
        }
        catch (ConcurrencyConflictException)
        {
            // Another attempt took the claim over in the meantime; it finishes the case.
            return new CaseOpening.InProgress();
        }
    }
}
