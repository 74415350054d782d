using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Bollebygd.Functions.Http;

/// <summary>303 See Other: after a form post the browser fetches the next page with GET (post/redirect/get).</summary>
public sealed class SeeOtherResult(string location) : IActionResult
{
    public string Location { get; } = location;

    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}
