using Bollebygd.Core.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Bollebygd.Functions.Http;

/// <summary>
/// The check every staff endpoint (<c>/api/staff/…</c>) starts with: a valid bearer token (else 401, with
/// <c>WWW-Authenticate: Bearer</c>), and a role that may do the action (else 403). Group rules are the endpoint's
/// next check, per case (<see cref="Forbidden"/>).
/// </summary>
public sealed class StaffAccess(IStaffTokenValidator validator, ILogger<StaffAccess> logger)
{
    public const string NotSignedInTitle = "Du behöver logga in.";
    public const string ForbiddenTitle = "Du har inte behörighet till det här.";
    public const string StaffAuthorizationHeader = "X-Staff-Authorization";

    public async Task<StaffAccessResult> CheckAsync(HttpRequest request, StaffAction action, CancellationToken cancellationToken)
    {
        // X-Staff-Authorization first: Static Web Apps replaces Authorization on its way to a linked backend.
        var header = request.Headers[StaffAuthorizationHeader].ToString() is { Length: > 0 } own ? own : request.Headers.Authorization.ToString();
        var user = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7
            ? await validator.ValidateAsync(header[7..].Trim(), cancellationToken)
            : null;
        if (user is null)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return new StaffAccessResult(null, Problems.Status(StatusCodes.Status401Unauthorized, NotSignedInTitle));
        }
        if (!StaffPermissions.Allows(user, action))
        {
            logger.LogWarning("Staff member {UserId} ({Roles}) was refused {Action}", user.Id, string.Join(",", user.Roles), action);
            return new StaffAccessResult(user, Forbidden());
        }
        return new StaffAccessResult(user, null);
    }

    /// <summary>Checks the caller, then does the work as them; a refused caller gets the refusal.</summary>
    public async Task<IActionResult> RunAsync(HttpRequest request, StaffAction action, Func<StaffUser, Task<IActionResult>> work,
        CancellationToken cancellationToken)
    {
        var check = await CheckAsync(request, action, cancellationToken);
        return check.Allowed ? await work(check.User!) : check.Refusal!;
    }

    /// <summary>The ETag an edit was based on (<c>If-Match</c>), or null.</summary>
    public static string? IfMatch(HttpRequest request) => request.Headers.IfMatch.ToString() is { Length: > 0 } etag ? etag : null;

    public static IActionResult Forbidden() => Problems.Status(StatusCodes.Status403Forbidden, ForbiddenTitle);
}
