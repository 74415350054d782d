using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>LocalHost's development provider keeps to the code flow's rules: PKCE, one use, this site only.</summary>
[Collection(EndToEndCollection.Name)]
public class DevelopmentIdentityTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task A_code_is_given_only_back_to_this_site_and_exchanged_once_with_the_right_verifier()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };
        var redirect = new Uri(fixture.BaseAddress, "/agent/").ToString();
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var elsewhere = await http.GetAsync($"/.dev-identity/authorize?response_type=code&client_id=x&state=s&code_challenge={challenge}" +
            "&code_challenge_method=S256&redirect_uri=" + Uri.EscapeDataString("https://evil.example/agent/"));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        var noPkce = await http.GetAsync("/.dev-identity/authorize?response_type=code&client_id=x&state=s&redirect_uri=" + Uri.EscapeDataString(redirect));
        Assert.Equal(HttpStatusCode.BadRequest, noPkce.StatusCode);

        async Task<string> CodeAsync()
        {
            var answer = await http.PostAsync("/.dev-identity/authorize", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["response_type"] = "code", ["client_id"] = "x", ["state"] = "s1", ["code_challenge"] = challenge,
                ["code_challenge_method"] = "S256", ["redirect_uri"] = redirect, ["user"] = "sven",
            }));
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.StartsWith(redirect + "?code=", answer.Headers.Location!.ToString());
            Assert.EndsWith("&state=s1", answer.Headers.Location!.ToString());
            return Uri.UnescapeDataString(answer.Headers.Location!.Query.Split('&')[0]["?code=".Length..]);
        }
        Task<HttpResponseMessage> ExchangeAsync(string code, string codeVerifier) =>
            http.PostAsync("/.dev-identity/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect, ["code_verifier"] = codeVerifier,
            }));

        Assert.Equal(HttpStatusCode.BadRequest, (await ExchangeAsync(await CodeAsync(), verifier + "x")).StatusCode);
        var code = await CodeAsync();
        var token = await ExchangeAsync(code, verifier);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ExchangeAsync(code, verifier)).StatusCode); // once only

        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/staff/me");
        me.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        var profile = await (await http.SendAsync(me)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Sven Svensson", profile.GetProperty("name").GetString());
    }
}
