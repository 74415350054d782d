using Bollebygd.Core.Cases;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Core.Intake;

/// <summary>
/// Opens exactly one case per intake key — a web form's submission id, an e-mail's Message-ID — whatever the retries
/// and races: the key is claimed (<see cref="ClaimGate"/>), the reference is allocated against the key (so a retry
/// never burns a number), the caller writes the case, and only then is the claim marked complete. An attempt that
/// died half-way is taken over after <see cref="ClaimTakeoverAfter"/> and finished with the same case id and reference.
/// </summary>
public sealed class CaseOpener(ClaimGate gate, ICaseReferences references, TimeProvider time, ILogger<CaseOpener> logger)
{
    /// <summary>How long a claim may sit unfinished before a retry takes it over (the first attempt died).</summary>
    public static readonly TimeSpan ClaimTakeoverAfter = TimeSpan.FromSeconds(30);

    /// <param name="key">The intake key; also the key the reference is allocated under.</param>
    /// <param name="source">What the key belongs to (an e-service id, the e-mail channel); a key claimed by another source is refused.</param>
    /// <param name="write">Writes the case and whatever goes with it; must be idempotent, as a takeover runs it again.</param>
    public async Task<CaseOpening> OpenAsync(string key, string source,
        Func<string, CaseReference, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var attempt = await gate.EnterAsync(key, source, Guid.NewGuid().ToString("N"), ClaimTakeoverAfter, cancellationToken);
        if (attempt is not ClaimAttempt.Entered { Claim: var claim })
        {
            return attempt switch
            {
                ClaimAttempt.Done done => new CaseOpening.Existing(done.Claim.CaseId),
                ClaimAttempt.OtherSource other => new CaseOpening.OtherSource(other.Claim.ServiceId, other.Claim.CaseId),
                _ => new CaseOpening.InProgress(),
            };
        }
        try
        {
            if (claim.Reference is null)
            {
                var allocated = await references.NextAsync(SwedishTime.Now(time).Year, key, cancellationToken);
                claim = await gate.UpdateAsync(claim with { Reference = allocated }, cancellationToken);
            }
            var reference = claim.Reference!.Value;
            await write(claim.CaseId, reference, cancellationToken);
            await gate.CompleteAsync(claim, cancellationToken);
            return new CaseOpening.Opened(claim.CaseId, reference);
        }
        catch (ConcurrencyConflictException)
        {
            // Another attempt took the claim over in the meantime; it finishes the case.
            logger.LogInformation("Intake {IntakeKey} was taken over by another attempt", key);
            return new CaseOpening.InProgress();
        }
    }
}
