using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bollebygd.Adapters.Http;
using Bollebygd.Core.Utility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Polly;

namespace Bollebygd.Adapters.Utility;

/// <summary>
/// EDP Future's API (docs/simulators/edp-future.openapi.yaml) with the API key from the setting <c>Edp:ApiKeySetting</c>
/// names, every call through <see cref="ExternalApiPipeline"/>. Failures become <see cref="UtilityUnavailableException"/>
/// (try later) or, for a 400, <see cref="UtilityRejectedException"/> with EDP's field errors.
/// </summary>
public sealed class EdpClient(HttpClient http, IOptions<EdpOptions> options, IConfiguration configuration) : IEdpFuture
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = ExternalApiPipeline.Create(options.Value.TimeoutSeconds, options.Value.BreakSeconds);

    public bool IsConfigured => options.Value.BaseUrl is { Length: > 0 };

    /// <summary>A harmless read: EDP Future answers (the health probe).</summary>
    public Task PingAsync(CancellationToken cancellationToken) => FindCustomersAsync(null, "0", cancellationToken);

    /// <summary>A search by POST, so the personnummer is in the body, never in a URL that logs and proxies keep.</summary>
    public async Task<IReadOnlyList<UtilityCustomer>> FindCustomersAsync(string? identityNumber, string? customerNumber, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/v1/customers/search")
        {
            Content = JsonContent.Create(new { identityNumber, customerNumber }, options: Json),
        }, cancellationToken, mayRetry: true);
        return await response.Content.ReadFromJsonAsync<List<UtilityCustomer>>(Json, cancellationToken) ?? [];
    }

    public async Task<IReadOnlyList<UtilitySubscription>> SubscriptionsAsync(string customerNumber, CancellationToken cancellationToken) =>
        await GetAsync<List<UtilitySubscription>>($"api/v1/customers/{Uri.EscapeDataString(customerNumber)}/subscriptions", cancellationToken) ?? [];

    public async Task<IReadOnlyList<UtilityInvoice>> InvoicesAsync(string customerNumber, CancellationToken cancellationToken) =>
        await GetAsync<List<UtilityInvoice>>($"api/v1/customers/{Uri.EscapeDataString(customerNumber)}/invoices", cancellationToken) ?? [];

    public async Task<IReadOnlyList<UtilityMeterReading>> MeterReadingsAsync(string customerNumber, CancellationToken cancellationToken) =>
        await GetAsync<List<UtilityMeterReading>>($"api/v1/customers/{Uri.EscapeDataString(customerNumber)}/meter-readings", cancellationToken) ?? [];

    public async Task<IReadOnlyList<UtilityPickup>> PickupScheduleAsync(string customerNumber, int weeks, CancellationToken cancellationToken) =>
        await GetAsync<List<UtilityPickup>>($"api/v1/customers/{Uri.EscapeDataString(customerNumber)}/pickup-schedule?weeks={weeks}", cancellationToken) ?? [];

    public async Task ReportMeterReadingAsync(string meterId, DateOnly readOn, double value, string? comment, string reference,
        CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/v1/meter-readings")
        {
            Content = JsonContent.Create(new { meterId, readOn, value, comment, reference }, options: Json),
        }, cancellationToken);
    }

    public async Task<string> SendRequestAsync(UtilityRequestKind kind, string customerNumber, string subscriptionId, string reference, string details,
        DateOnly from, DateOnly? to, CancellationToken cancellationToken)
    {
        var path = kind == UtilityRequestKind.PickupPause ? "api/v1/pickup-pauses" : "api/v1/subscription-changes";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(new { customerNumber, subscriptionId, reference, details, from, to }, options: Json),
        }, cancellationToken);
        var received = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        return received.TryGetProperty("id", out var id) ? id.GetString() ?? reference : reference;
    }

    public async Task<UtilityCaseExport?> ExportCaseAsync(string edpCaseId, CancellationToken cancellationToken)
    {
        var export = await GetAsync<ExportBody>($"api/v1/cases/{Uri.EscapeDataString(edpCaseId)}/export", cancellationToken);
        return export is null ? null : new UtilityCaseExport(export.CaseId, export.Title, export.CustomerNumber,
            export.Documents.Select(d => new UtilityDocument(d.Name, d.ContentType, Convert.FromBase64String(d.ContentBase64))).ToList());
    }

    public async Task LinkToPlatinaAsync(string edpCaseId, string diaryNumber, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(() => new HttpRequestMessage(HttpMethod.Put, $"api/v1/cases/{Uri.EscapeDataString(edpCaseId)}/platina-link")
        {
            Content = JsonContent.Create(new { platinaReference = diaryNumber }, options: Json),
        }, cancellationToken);
    }

    private sealed record ExportBody(string CaseId, string Title, string CustomerNumber, List<DocumentBody> Documents);

    private sealed record DocumentBody(string Name, string ContentType, string ContentBase64);

    private async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), cancellationToken, notFoundIsEmpty: true);
        return response.StatusCode == HttpStatusCode.NotFound ? default : await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken, bool notFoundIsEmpty = false,
        bool mayRetry = false)
    {
        if (!IsConfigured)
        {
            throw new UtilityUnavailableException("EDP Future is not configured (Edp:BaseUrl).");
        }
        var key = options.Value.ApiKeySetting is { Length: > 0 } name ? configuration[name] : null;
        HttpResponseMessage response;
        try
        {
            using var probe = request();
            response = await _pipeline.SendAsync(mayRetry || probe.Method == HttpMethod.Get, async token =>
            {
                var message = request();
                message.Headers.Add("X-Api-Key", key ?? "");
                return await http.SendAsync(message, token);
            }, cancellationToken);
        }
        catch (Exception ex) when (ExternalApiPipeline.IsNoAnswer(ex, cancellationToken))
        {
            throw new UtilityUnavailableException($"EDP Future did not answer: {ex.GetType().Name}.", ex);
        }
        if (response.IsSuccessStatusCode || notFoundIsEmpty && response.StatusCode == HttpStatusCode.NotFound)
        {
            return response;
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                throw new UtilityRejectedException(ExternalApiPipeline.Errors(await response.Content.ReadAsStringAsync(cancellationToken)));
            }
            throw new UtilityUnavailableException(string.Create(CultureInfo.InvariantCulture, $"EDP Future answered {(int)response.StatusCode}."));
        }
    }
}
