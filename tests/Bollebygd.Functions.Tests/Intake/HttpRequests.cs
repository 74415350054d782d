using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Bollebygd.Functions.Tests.Intake;

/// <summary>Requests for calling HTTP functions directly, and reading their results as a client would.</summary>
public static class HttpRequests
{
    public static HttpRequest Json(object body, string client = "10.0.0.1") =>
        Raw(JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web), "application/json", client);

    public static HttpRequest Form(IEnumerable<KeyValuePair<string, string>> fields, string client = "10.0.0.1")
    {
        var content = new FormUrlEncodedContent(fields);
        return Raw(content.ReadAsByteArrayAsync().Result, content.Headers.ContentType!.ToString(), client);
    }

    public static HttpRequest Multipart(MultipartFormDataContent content, string client = "10.0.0.1") =>
        Raw(content.ReadAsByteArrayAsync().Result, content.Headers.ContentType!.ToString(), client);

    public static HttpRequest Raw(byte[] body, string contentType, string client = "10.0.0.1")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        context.Request.Headers["X-Forwarded-For"] = client;
        return context.Request;
    }

    public static HttpRequest Get(string client = "10.0.0.1")
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["X-Forwarded-For"] = client;
        return context.Request;
    }

    public static HttpRequest WithToken(HttpRequest request, string token)
    {
        request.Headers[Bollebygd.Functions.Intake.TrackingFunctions.TokenHeader] = token;
        return request;
    }

    /// <summary>The status and JSON body of an ObjectResult or JsonResult, as the client would read them.</summary>
    public static (int Status, JsonElement Body) Read(IActionResult result)
    {
        if (result is JsonResult json)
        {
            var options = json.SerializerSettings as JsonSerializerOptions ?? JsonSerializerOptions.Web;
            return (json.StatusCode ?? 200, JsonSerializer.SerializeToElement(json.Value, options));
        }
        var objectResult = Assert.IsAssignableFrom<ObjectResult>(result);
        return (objectResult.StatusCode ?? 200, JsonSerializer.SerializeToElement(objectResult.Value, JsonSerializerOptions.Web));
    }

    public static string[] FieldErrors(IActionResult result, string field)
    {
        var (status, body) = Read(result);
        Assert.True(status >= 400, $"expected an error, got {status}");
        return body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    public static byte[] Pdf(int size = 64)
    {
        var bytes = new byte[size];
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(bytes, 0);
        return bytes;
    }
}
