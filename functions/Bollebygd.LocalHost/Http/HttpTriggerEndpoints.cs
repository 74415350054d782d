using Bollebygd.LocalHost.Invocation;
using Bollebygd.LocalHost.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.LocalHost.Http;

/// <summary>Maps every httpTrigger function to <c>/{routePrefix}/{route}</c> with its declared methods.</summary>
public static class HttpTriggerEndpoints
{
    public static void MapHttpTriggers(this WebApplication app, FunctionCatalog catalog, string routePrefix)
    {
        foreach (var function in catalog.OfKind(TriggerKind.Http))
        {
            var route = FunctionEntry.BindingString(function.Trigger, "route") ?? function.Name;
            var template = string.IsNullOrEmpty(routePrefix) ? route : $"{routePrefix}/{route}";
            var methods = (function.Trigger["methods"]?.AsArray() ?? [])
                .Select(m => m!.GetValue<string>().ToUpperInvariant()).ToArray();
            var endpoint = methods.Length == 0
                ? app.Map(template, context => InvokeAsync(function, context))
                : app.MapMethods(template, methods, context => InvokeAsync(function, context));
            endpoint.WithDisplayName(function.Name);
        }
    }

    private static async Task InvokeAsync(HostedFunction function, HttpContext http)
    {
        var invoker = http.RequestServices.GetRequiredService<FunctionInvoker>();
        object? result;
        try
        {
            result = await invoker.InvokeAsync(function, new InvocationContext(http.RequestServices, http.RequestAborted) { Http = http }, "This function was programmatically called via the host APIs.");
        }
        catch (Exception) when (!http.Response.HasStarted)
        {
            // The invoker logged the exception; like the Functions host, answer 500 without details.
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }
        switch (result)
        {
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult httpResult:
                await httpResult.ExecuteAsync(http);
                break;
            case null when !http.Response.HasStarted:
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
        }
    }
}
