using System.Text.Json;
using Bollebygd.Core.Catalog;
using Bollebygd.Core.Intake;
using Bollebygd.Functions.Intake;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Bollebygd.Functions.Http;

/// <summary>
/// A message posted from outside — by a citizen on the status page, by a contractor answering a remiss —
/// <c>{text, files: [uploadId], webbplats}</c>; <c>webbplats</c> is the honeypot, empty from people.
/// </summary>
public sealed record ExternalMessage(string? Text, IReadOnlyList<string>? Files, string? Webbplats)
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The message, or the answer that refuses it (unreadable, too large, or a robot's).</summary>
    public static async Task<(ExternalMessage? Message, IActionResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var raw = await FormBodies.ReadBytesAsync(request.Body, MaxBodyBytes, cancellationToken);
        ExternalMessage? message = null;
        try
        {
            message = raw is null ? null : JsonSerializer.Deserialize<ExternalMessage>(raw, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
        }
        if (message is null)
        {
            return (null, Problems.FieldError("text", SubmissionFunction.BodyMessage));
        }
        return !string.IsNullOrWhiteSpace(message.Webbplats)
            ? (null, Problems.FieldError(SubmissionFields.Honeypot, SubmissionService.HoneypotMessage))
            : (message, null);
    }
}
