using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bollebygd.TestSupport;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>
/// Every staff endpoint (<c>/api/staff/…</c> in functions.metadata) against every kind of caller, through the running
/// LocalHost and tokens from its development identity provider, validated by the app against the provider's OpenID
/// metadata: anonymous and forged callers get 401, roles that may not get 403, roles that may get past the door.
/// A staff endpoint missing from <see cref="Matrix"/> fails the test, so none can be added without a row here.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class StaffAuthorizationMatrixTests(LocalHostFixture fixture)
{
    private static readonly string[] AllUsers = ["anna", "sven", "lena", "rita", "adam"];

    /// <summary>Method and route → the development users (by role) who may call it.</summary>
    private static readonly string[] CaseWorkers = ["anna", "sven", "lena", "adam"];
    private static readonly string[] Leads = ["lena", "adam"];
    private static readonly string[] Registrators = ["lena", "rita", "adam"];

    private static readonly Dictionary<string, string[]> Matrix = new()
    {
        ["GET staff/me"] = AllUsers,
        ["GET staff/cases"] = AllUsers,
        ["GET staff/cases/{caseId}"] = AllUsers,
        ["GET staff/cases/{caseId}/audit"] = Leads,
        ["PATCH staff/cases/{caseId}"] = CaseWorkers,
        ["POST staff/cases/{caseId}/notes"] = CaseWorkers,
        ["POST staff/cases/{caseId}/replies"] = CaseWorkers,
        ["POST staff/cases/{caseId}/links"] = CaseWorkers,
        ["POST staff/cases/{caseId}/merge"] = Leads,
        ["POST staff/cases/{caseId}/escalations"] = CaseWorkers,
        ["POST staff/cases/{caseId}/remisser"] = CaseWorkers,
        ["POST staff/cases/{caseId}/registrations"] = Registrators,
        ["GET staff/cases/{caseId}/customer"] = CaseWorkers,
        ["POST staff/cases/{caseId}/edp-move"] = Registrators,
        ["POST staff/cases"] = CaseWorkers,
        ["POST staff/routing/suggest"] = CaseWorkers,
        ["GET staff/knowledge"] = CaseWorkers,
        ["GET staff/knowledge/{id}"] = CaseWorkers,
        ["PUT staff/knowledge/{id}"] = Leads,
        ["POST staff/knowledge/{id}/uses"] = CaseWorkers,
        ["GET staff/knowledge-statistics"] = Leads,
    };

    [Fact]
    public async Task Every_staff_endpoint_refuses_whoever_may_not_call_it()
    {
        var endpoints = StaffEndpoints();
        Assert.Equal(Matrix.Keys.Order(), endpoints.Select(e => e.Key).Order());
        var tokens = new Dictionary<string, string>();
        foreach (var user in AllUsers)
        {
            tokens[user] = await fixture.StaffTokenAsync(user);
        }
        var failures = new List<string>();
        foreach (var (key, (method, route)) in endpoints)
        {
            var anonymous = await SendAsync(method, route, null);
            if (anonymous.StatusCode != HttpStatusCode.Unauthorized || !anonymous.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
            {
                failures.Add($"{key} anonymous: {(int)anonymous.StatusCode}");
            }
            var forged = await SendAsync(method, route, tokens["adam"][..^4] + "AAAA");
            if (forged.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{key} with a forged signature: {(int)forged.StatusCode}");
            }
            foreach (var user in AllUsers)
            {
                var status = (await SendAsync(method, route + (route == "staff/cases" && method == "get" ? "?view=mine" : ""), tokens[user])).StatusCode;
                var allowed = Matrix[key].Contains(user);
                if (allowed ? status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)status >= 500 : status != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{key} as {user}: {(int)status}, expected {(allowed ? "past the door" : "403")}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string route, string? token)
    {
        var path = "/api/" + System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", "0123456789abcdef0123456789abcdef");
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (method is "post" or "put" or "patch")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        return await fixture.Http.SendAsync(request);
    }

    /// <summary>"METHOD route" → (method, route) for every HTTP function whose route starts with staff/.</summary>
    private static Dictionary<string, (string Method, string Route)> StaffEndpoints()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.LocalHostOutput, "functions.metadata")));
        var endpoints = new Dictionary<string, (string, string)>();
        foreach (var function in metadata.RootElement.EnumerateArray())
        {
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                var json = binding.ValueKind == JsonValueKind.String ? JsonDocument.Parse(binding.GetString()!).RootElement : binding;
                if (json.GetProperty("type").GetString() != "httpTrigger"
                    || json.TryGetProperty("route", out var r) is false || r.GetString() is not { } route
                    || !route.StartsWith("staff/", StringComparison.Ordinal))
                {
                    continue;
                }
                foreach (var method in json.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()))
                {
                    endpoints[$"{method.ToUpperInvariant()} {route}"] = (method, route);
                }
            }
        }
        return endpoints;
    }
}
