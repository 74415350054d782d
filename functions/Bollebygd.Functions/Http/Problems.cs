using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Bollebygd.Functions.Http;

/// <summary><c>application/problem+json</c> answers with errors by field, as every form endpoint gives them.</summary>
public static class Problems
{
    public const string InvalidTitle = "Några uppgifter behöver rättas.";

    public static IActionResult FieldErrors(IReadOnlyDictionary<string, IReadOnlyList<string>> errors, int status = StatusCodes.Status400BadRequest) =>
        new ObjectResult(new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()))
        {
            Title = InvalidTitle,
            Status = status,
        })
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };

    public static IActionResult FieldError(string field, string message, int status = StatusCodes.Status400BadRequest) =>
        FieldErrors(new Dictionary<string, IReadOnlyList<string>> { [field] = [message] }, status);

    public static IActionResult Status(int status, string title) =>
        new ObjectResult(new ProblemDetails { Title = title, Status = status })
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };
}
