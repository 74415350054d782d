namespace Bollebygd.Core.Intake;

/// <summary>Port: the raw accepted submissions (Blob storage), written before the case is acknowledged.</summary>
public interface ISubmissionArchive
{
    Task SaveAsync(SubmissionRecord record, CancellationToken cancellationToken);

    Task<SubmissionRecord?> GetAsync(string caseId, CancellationToken cancellationToken);
}
