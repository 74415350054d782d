using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bollebygd.Simulators;
using Bollebygd.TestSupport;

namespace Bollebygd.Functions.Tests.Registry;

/// <summary>
/// The simulators hold to the contracts in docs/simulators/*.openapi.yaml: what Platina requires of a journalized
/// case, that it refuses overlapping writes, and what EDP Future requires of meter readings and change requests.
/// </summary>
public sealed class SimulatorContractTests : IAsyncLifetime
{
    private SimulatorApp _simulators = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _simulators = SimulatorApp.Create([], $"http://127.0.0.1:{FreePort.Next()}");
        await _simulators.StartAsync();
        _http = new HttpClient { BaseAddress = _simulators.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _simulators.DisposeAsync();
    }

    [Fact]
    public async Task Platina_gives_a_token_only_for_the_right_client_and_the_api_only_with_a_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenResponseAsync("fel")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync("/platina/api/v7/diaries")).StatusCode);

        using var api = await PlatinaAsync();
        var diaries = await api.GetFromJsonAsync<JsonElement>("/platina/api/v7/diaries");
        Assert.Contains(diaries.EnumerateArray(), d => d.GetProperty("code").GetString() == "KS");
    }

    [Fact]
    public async Task Platina_checks_a_journalized_case_field_by_field_and_numbers_it_when_no_number_is_given()
    {
        using var api = await PlatinaAsync();
        var bad = await api.PostAsJsonAsync("/platina/api/v7/diaries/1/journalized-cases", new
        {
            statusId = 9, caseTypeId = 10, origin = "", secrecyLevel = 1, title = new string('x', 201), description = new string('y', 4001),
            initiators = new[] { new { name = "" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "title", "description", "statusId", "origin", "confidentialParagraphs", "initiators" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var good = await api.PostAsJsonAsync("/platina/api/v7/diaries/2/journalized-cases", new
        {
            statusId = 1, caseTypeId = 20, origin = "Kontaktcenter", secrecyLevel = 2, confidentialParagraphs = new[] { "OSL 26:1" },
            title = "Bygglov", initiators = new[] { new { name = "Eva" } }, externalReference = "KC-2026-000001",
        });
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.Matches(@"^BMN \d{4}/1$", (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("diaryNumber").GetString());
        var found = await api.GetFromJsonAsync<JsonElement>("/platina/api/v7/journalized-cases?externalReference=KC-2026-000001");
        Assert.Equal(1, found.GetArrayLength());
    }

    [Fact]
    public async Task Platina_refuses_a_write_while_another_is_in_flight_and_counts_it()
    {
        using var api = await PlatinaAsync();
        var body = new { statusId = 1, caseTypeId = 10, origin = "Test", title = "Samtidigt", initiators = new[] { new { name = "Eva" } } };

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.PostAsJsonAsync("/platina/api/v7/diaries/1/journalized-cases", body)));

        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.Conflict), _simulators.Platina.Overlaps);
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.Created), _simulators.Platina.All().Count);
    }

    [Fact]
    public async Task Edp_finds_customers_and_wants_a_comment_on_a_reading_far_from_the_expected()
    {
        using var api = Edp();
        var customers = await (await api.PostAsJsonAsync("/edp/api/v1/customers/search", new { identityNumber = "198112189876" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("100234", customers[0].GetProperty("customerNumber").GetString());
        Assert.Equal(2, (await api.GetFromJsonAsync<JsonElement>("/edp/api/v1/customers/100234/subscriptions")).GetArrayLength());
        Assert.True((await api.GetFromJsonAsync<JsonElement>("/edp/api/v1/customers/100234/pickup-schedule?weeks=4")).GetArrayLength() > 0);

        // 150 m³ a year; half a year after 1895 m³ about 75 more are expected: 2100 is far more.
        var far = await api.PostAsJsonAsync("/edp/api/v1/meter-readings", new { meterId = "M-7781", readOn = "2026-11-15", value = 2100 });
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.True((await far.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("comment", out _));
        var explained = new { meterId = "M-7781", readOn = "2026-11-15", value = 2100, comment = "Läcka i trädgårdsslangen i somras.", reference = "KC-1" };
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/edp/api/v1/meter-readings", explained)).StatusCode);
        // The same reading again (a retry whose answer was lost) is the same reading, not a second one.
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/edp/api/v1/meter-readings", explained)).StatusCode);
        Assert.Single(_simulators.Edp.Readings("100234"), r => r.Reference == "KC-1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.GetAsync("/edp/api/v1/customers/100234/invoices")).StatusCode);
    }

    [Fact]
    public async Task Edp_takes_a_pause_request_once_per_reference()
    {
        using var api = Edp();
        var body = new { customerNumber = "100234", subscriptionId = "S-2", reference = "KC-2026-000009", from = "2026-12-01", to = "2027-02-28" };

        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/edp/api/v1/pickup-pauses", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/edp/api/v1/pickup-pauses", body)).StatusCode);
        Assert.Single(_simulators.Edp.Requests());
        var wrong = await api.PostAsJsonAsync("/edp/api/v1/pickup-pauses", body with { subscriptionId = "S-9", reference = "KC-2026-000010" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    private Task<HttpResponseMessage> TokenResponseAsync(string secret) => _http.PostAsync("/platina/oauth2/token", new FormUrlEncodedContent(
        new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "kontaktcenter-local", ["client_secret"] = secret }));

    private async Task<HttpClient> PlatinaAsync()
    {
        var token = (await (await TokenResponseAsync("simulator-secret")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var api = new HttpClient { BaseAddress = _simulators.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api;
    }

    private HttpClient Edp()
    {
        var api = new HttpClient { BaseAddress = _simulators.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", "simulator-api-key");
        return api;
    }
}
