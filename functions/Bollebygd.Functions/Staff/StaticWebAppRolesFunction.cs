using System.Text.Json;
using Bollebygd.Core.Access;
using Bollebygd.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Staff;

/// <summary>
/// <c>POST /api/sign-in/roles</c>: the Static Web App's <c>rolesSource</c> (web/staticwebapp.config.json). After a staff
/// member signs in, the platform posts their claims here and gives them the roles answered (<see cref="StaticWebAppRoles"/>).
/// It only reads the claims it is given, so a caller learns nothing it did not send.
/// </summary>
public sealed class StaticWebAppRolesFunction(ClientRateLimiter limiter)
{
    public const string Name = "StaticWebAppRoles";
    public const int MaxBodyBytes = 64 * 1024;

    [Function(Name)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sign-in/roles")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (limiter.Refuse(request, RateLimitedEndpoint.CatalogReads) is { } refused)
        {
            return refused;
        }
        if (request.ContentLength is > MaxBodyBytes)
        {
            return new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
        SignIn? signIn;
        try
        {
            signIn = await JsonSerializer.DeserializeAsync<SignIn>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            return new BadRequestObjectResult(new { error = "The body must be the Static Web App's sign-in: {\"claims\": [{\"typ\", \"val\"}]}." });
        }
        var claims = (signIn?.Claims ?? []).Where(c => c.Typ is not null && c.Val is not null).Select(c => (c.Typ!, c.Val!));
        return new OkObjectResult(new { roles = StaticWebAppRoles.For(claims) });
    }

    private sealed record SignIn(IReadOnlyList<SignInClaim>? Claims);

    private sealed record SignInClaim(string? Typ, string? Val);
}
