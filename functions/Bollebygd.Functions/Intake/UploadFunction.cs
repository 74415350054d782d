using Bollebygd.Core.Catalog;
using Bollebygd.Core.Intake;
using Bollebygd.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Intake;

/// <summary>
/// <c>POST /api/uploads</c> (multipart, field <c>file</c>) → <c>201 {id, name, size, contentType}</c>. The id is what a
/// form's file field or a status-page message then sends.
/// </summary>
public sealed class UploadFunction(UploadService uploads, ClientRateLimiter limiter)
{
    public const string FileField = "file";

    [Function("Upload")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "uploads")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (limiter.Refuse(request, RateLimitedEndpoint.Uploads) is { } refused)
        {
            return refused;
        }
        if (request.ContentLength > UploadPolicy.MaxFileBytes + FormBodies.MultipartOverhead)
        {
            return Problems.FieldError(FileField, UploadPolicy.TooLarge, StatusCodes.Status413PayloadTooLarge);
        }
        if (!request.HasFormContentType)
        {
            return Problems.FieldError(FileField, UploadPolicy.Missing);
        }
        var form = await FormBodies.ReadAsync(request, UploadPolicy.MaxFileBytes + FormBodies.MultipartOverhead, cancellationToken);
        if (form is null)
        {
            return Problems.FieldError(FileField, UploadPolicy.TooLarge, StatusCodes.Status413PayloadTooLarge);
        }
        if (!string.IsNullOrWhiteSpace(form[SubmissionFields.Honeypot]))
        {
            return Problems.FieldError(SubmissionFields.Honeypot, SubmissionService.HoneypotMessage);
        }
        if (form.Files.GetFile(FileField) is not { } file)
        {
            return Problems.FieldError(FileField, UploadPolicy.Missing);
        }
        if (file.Length > UploadPolicy.MaxFileBytes)
        {
            return Problems.FieldError(FileField, UploadPolicy.TooLarge, StatusCodes.Status413PayloadTooLarge);
        }
        var (stored, error) = await uploads.AcceptAsync(await FormBodies.ContentOfAsync(file, cancellationToken), file.FileName, cancellationToken);
        if (stored is null)
        {
            return Problems.FieldError(FileField, error!);
        }
        return new ObjectResult(new { id = stored.Id, name = stored.Name, size = stored.Size, contentType = stored.ContentType })
        {
            StatusCode = StatusCodes.Status201Created,
        };
    }
}
