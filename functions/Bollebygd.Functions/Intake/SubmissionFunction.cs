using System.Text.Json;
using Bollebygd.Core;
using Bollebygd.Core.Catalog;
using Bollebygd.Core.Forms;
using Bollebygd.Core.Intake;
using Bollebygd.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Intake;

/// <summary>
/// <c>POST /api/services/{id}/submissions</c>. JSON <c>{submissionId, values}</c> from the enhanced form page gets
/// <c>201 {caseReference, trackingUrl, status}</c> or <c>400</c> problem+json by field. A plain HTML form post
/// (urlencoded or multipart with the files in it) — the form working without JavaScript — gets a 303 to the receipt
/// page, or an HTML page listing what to correct.
/// </summary>
public sealed class SubmissionFunction(
    SubmissionService submissions,
    UploadService uploads,
    ServiceCatalog catalog,
    PublicLinks links,
    ClientRateLimiter limiter,
    TimeProvider time)
{
    public const long MaxJsonBytes = 256 * 1024;
    public const string InProgressMessage = "Ditt ärende håller redan på att tas emot. Vänta några sekunder och försök igen.";
    public const string BodyMessage = "Innehållet kunde inte läsas. Ladda om sidan och försök igen.";

    [Function("SubmissionCreate")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "services/{id}/submissions")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (limiter.Refuse(request, RateLimitedEndpoint.Submissions) is { } refused)
        {
            return refused;
        }
        if (catalog.Find(id) is not { Kind: ServiceKind.Form } service)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Det finns ingen sådan e-tjänst.");
        }
        return request.HasFormContentType
            ? await FromHtmlFormAsync(request, service, cancellationToken)
            : await FromJsonAsync(request, service, cancellationToken);
    }

    private async Task<IActionResult> FromJsonAsync(HttpRequest request, ServiceDefinition service, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxJsonBytes)
        {
            return Problems.FieldError("values", BodyMessage, StatusCodes.Status413PayloadTooLarge);
        }
        var raw = await FormBodies.ReadBytesAsync(request.Body, MaxJsonBytes, cancellationToken);
        if (raw is null)
        {
            return Problems.FieldError("values", BodyMessage, StatusCodes.Status413PayloadTooLarge);
        }
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(raw);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Problems.FieldError("values", BodyMessage);
        }
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Problems.FieldError("values", BodyMessage);
        }
        string? Text(string name) => body.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var values = body.TryGetProperty("values", out var v) ? FormInput.FromJson(v) : FormInput.FromJson(default);
        var outcome = await submissions.SubmitAsync(
            new SubmissionRequest(service.Id, Text(SubmissionFields.SubmissionId), values, Text(SubmissionFields.Honeypot)), cancellationToken);

        return outcome switch
        {
            SubmissionOutcome.Accepted accepted => new ObjectResult(new
            {
                caseReference = accepted.Reference.ToString(),
                trackingUrl = accepted.TrackingToken is { } token ? links.Tracking(token) : null,
                status = accepted.CitizenStatus,
            })
            { StatusCode = StatusCodes.Status201Created },
            SubmissionOutcome.Invalid invalid => Problems.FieldErrors(invalid.Errors),
            SubmissionOutcome.InProgress => Problems.Status(StatusCodes.Status409Conflict, InProgressMessage),
            _ => Problems.Status(StatusCodes.Status404NotFound, "Det finns ingen sådan e-tjänst."),
        };
    }

    private async Task<IActionResult> FromHtmlFormAsync(HttpRequest request, ServiceDefinition service, CancellationToken cancellationToken)
    {
        var form = await FormBodies.ReadAsync(request, UploadPolicy.MaxSubmissionBytes + FormBodies.MultipartOverhead, cancellationToken);
        if (form is null)
        {
            return ErrorPage(service, new Dictionary<string, IReadOnlyList<string>> { ["filer"] = [UploadPolicy.SubmissionTooLarge] },
                StatusCodes.Status413PayloadTooLarge);
        }

        var pairs = form.Where(f => f.Key is not SubmissionFields.SubmissionId and not SubmissionFields.Honeypot)
            .Select(f => KeyValuePair.Create(f.Key, (IEnumerable<string?>)f.Value.ToArray()))
            .ToList();
        var fileErrors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (form.Files.Sum(f => f.Length) > UploadPolicy.MaxSubmissionBytes)
        {
            return ErrorPage(service, new Dictionary<string, IReadOnlyList<string>> { ["filer"] = [UploadPolicy.SubmissionTooLarge] },
                StatusCodes.Status413PayloadTooLarge);
        }
        foreach (var file in form.Files.Where(f => f.Length > 0 && service.Field(f.Name)?.Type == FieldType.File))
        {
            var (stored, error) = file.Length > UploadPolicy.MaxFileBytes
                ? (null, UploadPolicy.TooLarge)
                : await uploads.AcceptAsync(await FormBodies.ContentOfAsync(file, cancellationToken), file.FileName, cancellationToken);
            if (stored is null)
            {
                fileErrors[file.Name] = [error!];
            }
            else
            {
                pairs.Add(KeyValuePair.Create(file.Name, (IEnumerable<string?>)[stored.Id]));
            }
        }

        if (fileErrors.Count > 0)
        {
            // A refused file means nothing is received: list it with the other problems, and create no case.
            var all = new Dictionary<string, IReadOnlyList<string>>(
                FormValidator.Validate(service, FormInput.FromPairs(pairs), SwedishTime.Today(time)).Errors, StringComparer.Ordinal);
            foreach (var (field, messages) in fileErrors)
            {
                all[field] = messages;
            }
            return ErrorPage(service, all, StatusCodes.Status400BadRequest);
        }

        var submissionId = form[SubmissionFields.SubmissionId].ToString() is { Length: > 0 } given ? given : PlainPostId(request, service, form);
        var outcome = await submissions.SubmitAsync(
            new SubmissionRequest(service.Id, submissionId, FormInput.FromPairs(pairs), form[SubmissionFields.Honeypot].ToString()),
            cancellationToken);

        if (outcome is SubmissionOutcome.Invalid invalid)
        {
            return ErrorPage(service, invalid.Errors, StatusCodes.Status400BadRequest);
        }
        return outcome switch
        {
            SubmissionOutcome.Accepted accepted => new SeeOtherResult("/kvitto.html?arende=" + accepted.Reference),
            SubmissionOutcome.InProgress => Problems.Status(StatusCodes.Status409Conflict, InProgressMessage),
            _ => Problems.Status(StatusCodes.Status404NotFound, "Det finns ingen sådan e-tjänst."),
        };
    }

    /// <summary>
    /// A page without JavaScript cannot make a submission id of its own. The same post from the same client within the
    /// same ten minutes (a double click, a refresh after a lost answer) gets the same id, so it becomes one case.
    /// </summary>
    private string PlainPostId(HttpRequest request, ServiceDefinition service, IFormCollection form)
    {
        var text = new System.Text.StringBuilder()
            .Append(service.Id).Append('\n')
            .Append(ClientRateLimiter.ClientAddress(request)).Append('\n')
            .Append(time.GetUtcNow().ToUnixTimeSeconds() / 600).Append('\n');
        foreach (var field in form.Where(f => f.Key != SubmissionFields.Honeypot).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(field.Key).Append('=').AppendJoin('\u001f', field.Value.ToArray()).Append('\n');
        }
        foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            text.Append(file.Name).Append(':').Append(file.FileName).Append(':').Append(file.Length).Append('\n');
        }
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        return "form-" + Convert.ToHexStringLower(hash)[..40];
    }

    private static ContentResult ErrorPage(ServiceDefinition service, IReadOnlyDictionary<string, IReadOnlyList<string>> errors, int status) => new()
    {
        StatusCode = status,
        ContentType = "text/html; charset=utf-8",
        Content = SubmissionErrorPage.Render(service, errors),
    };
}
