using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bollebygd.Core.Sms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Bollebygd.Adapters.Sms;

/// <summary>
/// Sends text messages by POSTing <c>{to, from, message}</c> to the configured gateway with a bearer key. A 4xx other
/// than 408 and 429 is a refusal for good (<see cref="SmsRejectedException"/>); anything else is left for a retry.
/// </summary>
public sealed class HttpSmsGateway(HttpClient http, IOptions<SmsOptions> options, IConfiguration configuration) : ISmsSender
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.GatewayUrl);

    public async Task SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!IsConfigured)
        {
            throw new SmsRejectedException("ingen sms-tjänst är inställd");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl)
        {
            Content = JsonContent.Create(new { to = sms.To, from = settings.SenderName, message = sms.Text }),
        };
        if (settings.ApiKeySetting is { Length: > 0 } keySetting && configuration[keySetting] is { Length: > 0 } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
        {
            throw new SmsRejectedException($"sms-tjänsten tog inte emot meddelandet ({status})");
        }
        throw new HttpRequestException($"The SMS gateway answered {status}.", null, response.StatusCode);
    }
}
