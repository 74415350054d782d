using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Bollebygd.Functions.Http;

/// <summary>Reads a request's JSON body; a body that is no JSON of the expected shape is null, for the caller's 400.</summary>
public static class JsonBodies
{
    public static async Task<T?> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
