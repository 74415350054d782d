using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bollebygd.Core.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Bollebygd.Adapters.Http;
using Polly;

namespace Bollebygd.Adapters.Registry;

/// <summary>
/// Platina's REST API (docs/simulators/platina.openapi.yaml): an OAuth2 client-credentials token, cached until shortly
/// before it expires; each call through <see cref="ExternalApiPipeline"/> (timeout, quick retries, circuit breaker). Failures become <see cref="RegistryUnavailableException"/>
/// (try later) or, for a 400, <see cref="RegistryRejectedException"/> with Platina's field errors.
/// </summary>
public sealed class PlatinaClient : IPlatina
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    private readonly HttpClient _http;
    private readonly PlatinaOptions _options;
    private readonly IConfiguration _configuration;
    private readonly TimeProvider _time;
    private readonly ILogger<PlatinaClient> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private (string Token, DateTimeOffset Expires)? _token;

    public PlatinaClient(HttpClient http, IOptions<PlatinaOptions> options, IConfiguration configuration, TimeProvider time, ILogger<PlatinaClient> logger)
    {
        _http = http;
        _options = options.Value;
        _configuration = configuration;
        _time = time;
        _logger = logger;
        _pipeline = ExternalApiPipeline.Create(_options.TimeoutSeconds, _options.BreakSeconds);
    }

    /// <summary>Whether a base address is set (without one the connector is off and registrations wait).</summary>
    public bool IsConfigured => _options.BaseUrl is { Length: > 0 };

    /// <summary>A token and a read of the reference data: Platina answers (the health probe).</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/v7/statuses"), cancellationToken);
    }

    public async Task<RegistryEntry?> FindAsync(string externalReference, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get,
            $"api/v7/journalized-cases?externalReference={Uri.EscapeDataString(externalReference)}"), cancellationToken);
        var found = await response.Content.ReadFromJsonAsync<List<CaseBody>>(Json, cancellationToken) ?? [];
        return found.FirstOrDefault() is { } c ? new RegistryEntry(c.Id, c.DiaryNumber) : null;
    }

    public async Task<RegistryEntry> RegisterAsync(PlatinaCaseDraft draft, CancellationToken cancellationToken)
    {
        var body = new
        {
            registrationDate = Core.SwedishTime.DateOf(_time.GetUtcNow()),
            inOutDate = draft.InOutDate,
            statusId = 1,
            origin = draft.Origin,
            caseTypeId = draft.CaseTypeId,
            pulLevel = 1,
            secrecyLevel = draft.SecrecyLevel,
            confidentialParagraphs = draft.ConfidentialParagraphs,
            title = draft.Title,
            description = draft.Description,
            initiators = draft.Initiators.Select(i => new { name = i.Name, email = i.Email }),
            externalReference = draft.ExternalReference,
        };
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"api/v7/diaries/{draft.DiaryId}/journalized-cases")
        {
            Content = JsonContent.Create(body, options: Json),
        }, cancellationToken);
        var created = await response.Content.ReadFromJsonAsync<CaseBody>(Json, cancellationToken)
            ?? throw new RegistryUnavailableException("Platina answered without a case.");
        return new RegistryEntry(created.Id, created.DiaryNumber);
    }

    public async Task<int> CreateDocumentAsync(int platinaCaseId, RegistryDocument document, CancellationToken cancellationToken)
    {
        using var deedResponse = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"api/v7/journalized-cases/{platinaCaseId}/deeds")
        {
            Content = JsonContent.Create(new { title = document.Title, direction = document.Direction, inOutDate = document.InOutDate }, options: Json),
        }, cancellationToken);
        var deed = await deedResponse.Content.ReadFromJsonAsync<DeedBody>(Json, cancellationToken)
            ?? throw new RegistryUnavailableException("Platina answered without a document.");
        return deed.Id;
    }

    public async Task UploadFileAsync(int documentId, RegistryDocument document, CancellationToken cancellationToken)
    {
        var contentType = MediaTypeHeaderValue.TryParse(document.ContentType, out var parsed) ? parsed : new MediaTypeHeaderValue("application/octet-stream");
        using var fileResponse = await SendAsync(() =>
        {
            var file = new ByteArrayContent(document.Content.ToArray());
            file.Headers.ContentType = contentType;
            return new HttpRequestMessage(HttpMethod.Post, $"api/v7/deeds/{documentId}/files")
            {
                Content = new MultipartFormDataContent { { file, "file", document.FileName } },
            };
        }, cancellationToken);
    }

    /// <summary>One call with a token, through the pipeline; a 401 gets one new token.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            throw new RegistryUnavailableException("Platina is not configured (Platina:BaseUrl).");
        }
        HttpResponseMessage response;
        try
        {
            var first = request();
            response = await _pipeline.SendAsync(first.Method == HttpMethod.Get, async token =>
            {
                var message = request();
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(false, token));
                var answer = await _http.SendAsync(message, token);
                if (answer.StatusCode == HttpStatusCode.Unauthorized)
                {
                    answer.Dispose();
                    message = request();
                    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(true, token));
                    answer = await _http.SendAsync(message, token);
                }
                return answer;
            }, cancellationToken);
            first.Dispose();
        }
        catch (Exception ex) when (ExternalApiPipeline.IsNoAnswer(ex, cancellationToken))
        {
            throw new RegistryUnavailableException($"Platina did not answer: {ex.GetType().Name}.", ex);
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                var errors = ExternalApiPipeline.Errors(await response.Content.ReadAsStringAsync(cancellationToken));
                throw new RegistryRejectedException(errors.Count == 0 ? "Platina svarade 400."
                    : string.Join(" ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))));
            }
            _logger.LogWarning("Platina answered {Status}", (int)response.StatusCode);
            throw new RegistryUnavailableException($"Platina answered {(int)response.StatusCode}.");
        }
    }

    private async Task<string> TokenAsync(bool renew, CancellationToken cancellationToken)
    {
        await _tokenGate.WaitAsync(cancellationToken);
        try
        {
            if (!renew && _token is { } cached && cached.Expires > _time.GetUtcNow())
            {
                return cached.Token;
            }
            var secret = _options.ClientSecretSetting is { Length: > 0 } name ? _configuration[name] : null;
            using var response = await _http.PostAsync("oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = _options.ClientId ?? "",
                ["client_secret"] = secret ?? "",
                ["scope"] = _options.Scope,
            }), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new RegistryUnavailableException($"Platina's token endpoint answered {(int)response.StatusCode}.");
            }
            var token = await response.Content.ReadFromJsonAsync<TokenBody>(Json, cancellationToken)
                ?? throw new RegistryUnavailableException("Platina's token endpoint answered without a token.");
            _token = (token.AccessToken, _time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, token.ExpiresIn - 60)));
            return token.AccessToken;
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    private sealed record TokenBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record CaseBody(int Id, string DiaryNumber);

    private sealed record DeedBody(int Id);
}
