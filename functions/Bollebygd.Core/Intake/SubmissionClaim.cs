using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Intake;

/// <summary>
/// Who is turning a submission id into a case: the case id chosen for it, its reference once allocated, and whether
/// the case is complete. <see cref="ClaimedNow"/> tells the caller it created the claim itself.
/// </summary>
public sealed record SubmissionClaim(
    string SubmissionId,
    string ServiceId,
    string CaseId,
    CaseReference? Reference,
    bool Completed,
    DateTimeOffset ClaimedAt,
    bool ClaimedNow,
    string ETag);
