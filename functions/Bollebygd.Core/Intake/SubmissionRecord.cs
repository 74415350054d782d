using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Intake;

/// <summary>
/// The submission as received and accepted, kept as a document beside the case: the service and version it was made
/// against, the validated values in their stored form, and the files.
/// </summary>
public sealed record SubmissionRecord(
    string CaseId,
    CaseReference Reference,
    string ServiceId,
    int ServiceVersion,
    string SubmissionId,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, object?> Values,
    IReadOnlyList<Attachment> Files);
