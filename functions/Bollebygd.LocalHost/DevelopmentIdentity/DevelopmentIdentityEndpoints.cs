using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.LocalHost.DevelopmentIdentity;

/// <summary>
/// The development identity provider's endpoints under <c>/.dev-identity</c>: OpenID metadata and keys, a sign-in
/// page where you choose who to be (it redirects back with the token in the URL fragment), and a token endpoint for
/// tests. Nobody is signed in until they choose: an anonymous request stays anonymous.
/// </summary>
public static class DevelopmentIdentityEndpoints
{
    public static void MapDevelopmentIdentity(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        var provider = app.ServiceProvider.GetRequiredService<DevelopmentIdentityProvider>();
        var prefix = DevelopmentIdentityProvider.PathPrefix;
        string Issuer(HttpContext context) => DevelopmentIdentityProvider.IssuerFor(new Uri($"{context.Request.Scheme}://{context.Request.Host}"));
        string Audience() => configuration["StaffAuth:Audience"] ?? "api://bollebygd-kontaktcenter";

        app.MapGet(prefix + "/.well-known/openid-configuration", (HttpContext context) => Results.Json(provider.Metadata(Issuer(context))));
        app.MapGet(prefix + "/keys", () => Results.Json(provider.Keys()));
        app.MapGet(prefix + "/login", (HttpContext context) =>
            Results.Content(LoginPage(SafeRedirect(context.Request.Query["redirect_uri"])), "text/html; charset=utf-8"));
        app.MapPost(prefix + "/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var user = DevelopmentUser.All.FirstOrDefault(u => u.Key == form["user"]);
            if (user is null)
            {
                return Results.Content(LoginPage(SafeRedirect(form["redirect_uri"]), "Välj en användare."), "text/html; charset=utf-8", statusCode: 400);
            }
            var token = provider.CreateToken(user, Issuer(context), Audience());
            return Results.Redirect(SafeRedirect(form["redirect_uri"]) + "#access_token=" + token);
        });
        app.MapPost(prefix + "/token", async (HttpContext context) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
            var key = form?["user"].ToString() ?? context.Request.Query["user"].ToString();
            var user = DevelopmentUser.All.FirstOrDefault(u => u.Key == key);
            return user is null
                ? Results.BadRequest(new { error = "unknown_user", users = DevelopmentUser.All.Select(u => u.Key) })
                : Results.Json(new { access_token = provider.CreateToken(user, Issuer(context), Audience()), token_type = "Bearer" });
        });
    }

    /// <summary>Only a path on this site: never another host to hand a token to.</summary>
    private static string SafeRedirect(string? requested) =>
        requested is { Length: > 0 } path && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal)
            && !path.Contains('\\') && !path.Contains('#') ? path : "/agent/";

    private static string LoginPage(string redirect, string? error = null)
    {
        var html = new StringBuilder();
        html.Append("""
            <!doctype html>
            <html lang="sv">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Logga in i utvecklingsläge – Bollebygd Kontaktcenter</title>
            <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
            <main id="main" class="page">
            <h1>Logga in i utvecklingsläge</h1>
            <p>Den här inloggningen finns bara när systemet körs på din egen dator. I Azure loggar du in med ditt konto i kommunen.</p>
            """);
        if (error is not null)
        {
            html.Append($"<p role=\"alert\" class=\"error-text\">{WebUtility.HtmlEncode(error)}</p>");
        }
        html.Append($"""
            <form method="post" action="{DevelopmentIdentityProvider.PathPrefix}/login">
            <input type="hidden" name="redirect_uri" value="{WebUtility.HtmlEncode(redirect)}">
            <fieldset>
            <legend>Vem vill du vara?</legend>
            """);
        foreach (var user in DevelopmentUser.All)
        {
            html.Append($"""
                <div class="choice"><input type="radio" name="user" id="user-{user.Key}" value="{user.Key}"{(user == DevelopmentUser.All[0] ? " checked" : "")}>
                <label for="user-{user.Key}">{WebUtility.HtmlEncode(user.Name)}, {WebUtility.HtmlEncode(user.Description)}</label></div>
                """);
        }
        html.Append("""
            </fieldset>
            <p><button type="submit" class="button" id="dev-login-submit">Logga in</button></p>
            </form>
            </main>
            </body>
            </html>
            """);
        return html.ToString();
    }
}
