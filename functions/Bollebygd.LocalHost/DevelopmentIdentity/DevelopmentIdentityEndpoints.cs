using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.LocalHost.DevelopmentIdentity;

/// <summary>
/// The development identity provider's endpoints under <c>/.dev-identity</c>: OpenID metadata and keys, and the
/// authorization-code flow with PKCE that Entra ID offers a single-page app — an authorize page where you choose who
/// to be, and a token endpoint that exchanges the code — so the agent app signs in the same way here as in Azure.
/// For tests the token endpoint also hands out a token for a named user. Nobody is signed in until they choose.
/// </summary>
public static class DevelopmentIdentityEndpoints
{
    public static void MapDevelopmentIdentity(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        var provider = app.ServiceProvider.GetRequiredService<DevelopmentIdentityProvider>();
        var codes = app.ServiceProvider.GetRequiredService<AuthorizationCodes>();
        var prefix = DevelopmentIdentityProvider.PathPrefix;
        // The issuer is the authority the app is configured with, whatever name this host was reached by.
        string Issuer(HttpContext context) => configuration["StaffAuth:Authority"]?.TrimEnd('/') is { Length: > 0 } authority
            ? authority
            : DevelopmentIdentityProvider.IssuerFor(new Uri($"{context.Request.Scheme}://{context.Request.Host}"));
        var testTokens = configuration.GetValue<bool>("LocalHost:DevelopmentIdentity:TestTokens");
        string Audience() => configuration["StaffAuth:Audience"] ?? "api://bollebygd-kontaktcenter";
        IResult Page(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

        app.MapGet(prefix + "/.well-known/openid-configuration", (HttpContext context) => Results.Json(provider.Metadata(Issuer(context))));
        app.MapGet(prefix + "/keys", () => Results.Json(provider.Keys()));
        app.MapGet(prefix + "/authorize", (HttpContext context) =>
        {
            var request = AuthorizeRequest.From(context.Request.Query, context);
            return request.Problem is { } problem ? Page(ErrorPage(problem), 400) : Page(LoginPage(request));
        });
        app.MapPost(prefix + "/authorize", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var request = AuthorizeRequest.From(form, context);
            if (request.Problem is { } problem)
            {
                return Page(ErrorPage(problem), 400);
            }
            var chosen = form["user"].ToString();
            var user = DevelopmentUser.All.FirstOrDefault(u => u.Key == chosen);
            if (user is null)
            {
                return Page(LoginPage(request, "Välj en användare."), 400);
            }
            var code = codes.Issue(user, request.RedirectUri, request.CodeChallenge);
            return Results.Redirect($"{request.RedirectUri}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(request.State)}");
        });
        app.MapPost(prefix + "/token", async (HttpContext context) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
            DevelopmentUser? user;
            if (form?["grant_type"].ToString() == "authorization_code")
            {
                user = codes.Redeem(form["code"].ToString(), form["redirect_uri"].ToString(), form["code_verifier"].ToString());
                if (user is null)
                {
                    return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
                }
            }
            else if (!testTokens)
            {
                return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
            }
            else
            {
                // Tests ask for a named user's token directly (LocalHost:DevelopmentIdentity:TestTokens).
                var key = form?["user"].ToString() is { Length: > 0 } k ? k : context.Request.Query["user"].ToString();
                user = DevelopmentUser.All.FirstOrDefault(u => u.Key == key);
                if (user is null)
                {
                    return Results.Json(new { error = "unknown_user", users = DevelopmentUser.All.Select(u => u.Key) }, statusCode: 400);
                }
            }
            return Results.Json(new
            {
                access_token = provider.CreateToken(user, Issuer(context), Audience()),
                token_type = "Bearer",
                expires_in = 8 * 3600,
            });
        });
    }

    private static string LoginPage(AuthorizeRequest request, string? error = null)
    {
        var html = new StringBuilder(Head("Logga in i utvecklingsläge"));
        html.Append("""
            <h1>Logga in i utvecklingsläge</h1>
            <p>Den här inloggningen finns bara när systemet körs på din egen dator. I Azure loggar du in med ditt konto i kommunen.</p>
            """);
        if (error is not null)
        {
            html.Append($"<p role=\"alert\" class=\"notice notice--error\">{WebUtility.HtmlEncode(error)}</p>");
        }
        html.Append($"""
            <form method="post" action="{DevelopmentIdentityProvider.PathPrefix}/authorize">
            <input type="hidden" name="client_id" value="{WebUtility.HtmlEncode(request.ClientId)}">
            <input type="hidden" name="redirect_uri" value="{WebUtility.HtmlEncode(request.RedirectUri)}">
            <input type="hidden" name="state" value="{WebUtility.HtmlEncode(request.State)}">
            <input type="hidden" name="code_challenge" value="{WebUtility.HtmlEncode(request.CodeChallenge)}">
            <input type="hidden" name="code_challenge_method" value="S256">
            <input type="hidden" name="response_type" value="code">
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
            """).Append(Foot);
        return html.ToString();
    }

    private static string ErrorPage(string problem) =>
        Head("Inloggningen gick inte") + $"<h1>Inloggningen gick inte</h1><p>{WebUtility.HtmlEncode(problem)}</p>" + Foot;

    private static string Head(string title) => $"""
        <!doctype html>
        <html lang="sv">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)} – Bollebygd Kontaktcenter</title>
        <link rel="stylesheet" href="/css/site.css">
        </head>
        <body>
        <main id="main" class="page">
        """;

    private const string Foot = """
        </main>
        </body>
        </html>
        """;

    /// <summary>An authorize request, checked: PKCE with S256, and a redirect back to this site only.</summary>
    private sealed record AuthorizeRequest(string ClientId, string RedirectUri, string State, string CodeChallenge, string? Problem)
    {
        public static AuthorizeRequest From(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values, HttpContext context)
        {
            var map = values.ToDictionary(v => v.Key, v => v.Value.ToString(), StringComparer.Ordinal);
            string Get(string name) => map.GetValueOrDefault(name) ?? "";
            var redirect = Get("redirect_uri");
            string? problem = null;
            if (Get("response_type") != "code" || Get("code_challenge_method") != "S256" || Get("code_challenge").Length < 43 || Get("state").Length == 0)
            {
                problem = "Begäran saknar code, state eller en PKCE-utmaning (S256).";
            }
            else if (!Uri.TryCreate(redirect, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                     || !string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
                     || uri.AbsolutePath != "/agent/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                problem = "Inloggningen får bara skicka tillbaka dig till den här webbplatsen.";
            }
            return new AuthorizeRequest(Get("client_id"), redirect, Get("state"), Get("code_challenge"), problem);
        }
    }
}
