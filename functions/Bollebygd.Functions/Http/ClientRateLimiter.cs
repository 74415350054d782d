using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Bollebygd.Functions.Http;

/// <summary>
/// A fixed-window limit per client address and endpoint, kept in the memory of each instance. It stops a single
/// client hammering a form; it is not a shield against a distributed attack, which the platform's front door
/// (Static Web Apps / Front Door) handles.
/// </summary>
public sealed class ClientRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
{
    public const string TooManyRequests = "Du har skickat många förfrågningar på kort tid. Vänta en stund och försök igen.";

    private const int MaxClients = 100_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Null when the request may go on; otherwise the 429 answer (Retry-After is set on the response).</summary>
    public IActionResult? Refuse(HttpRequest request, RateLimitedEndpoint endpoint)
    {
        var permits = endpoint switch
        {
            RateLimitedEndpoint.Submissions => options.Value.Submissions,
            RateLimitedEndpoint.Uploads => options.Value.Uploads,
            RateLimitedEndpoint.TrackingReads => options.Value.TrackingReads,
            RateLimitedEndpoint.TrackingWrites => options.Value.TrackingWrites,
            RateLimitedEndpoint.CatalogReads => options.Value.CatalogReads,
            _ => options.Value.HealthChecks,
        };
        return TryAcquire(request, endpoint.ToString(), permits)
            ? null
            : Problems.Status(StatusCodes.Status429TooManyRequests, TooManyRequests);
    }

    private bool TryAcquire(HttpRequest request, string endpoint, int permits)
    {
        var now = time.GetUtcNow();
        var length = options.Value.Window;
        var address = ClientAddress(request);
        var key = endpoint + "|" + (address.Length > 64 ? address[..64] : address);
        var window = _windows.AddOrUpdate(key,
            _ => new Window(now, 1),
            (_, w) => now - w.Start >= length ? new Window(now, 1) : w with { Count = w.Count + 1 });
        if (_windows.Count > MaxClients)
        {
            foreach (var stale in _windows.Where(w => now - w.Value.Start >= length).Select(w => w.Key).ToList())
            {
                _windows.TryRemove(stale, out _);
            }
            if (_windows.Count > MaxClients)
            {
                // Flooded with made-up addresses: forget them all rather than grow without bound.
                _windows.Clear();
            }
        }
        if (window.Count <= permits)
        {
            return true;
        }
        var retryAfter = window.Start + length - now;
        request.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return false;
    }

    /// <summary>The client's address: the first X-Forwarded-For hop set by the platform's proxy, else the connection's.</summary>
    public static string ClientAddress(HttpRequest request)
    {
        var forwarded = request.Headers["X-Forwarded-For"].ToString();
        if (forwarded.Length > 0)
        {
            var first = forwarded.Split(',')[0].Trim();
            var colon = first.LastIndexOf(':');
            // "1.2.3.4:5678" from Azure's front ends carries a port; IPv6 addresses have several colons and no port.
            return colon > 0 && first.IndexOf(':') == colon ? first[..colon] : first;
        }
        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private sealed record Window(DateTimeOffset Start, int Count);
}
