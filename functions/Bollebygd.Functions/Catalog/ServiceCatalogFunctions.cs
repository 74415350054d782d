using Bollebygd.Core.Catalog;
using Bollebygd.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Catalog;

/// <summary><c>GET /api/services</c> lists the catalogue A–Ö; <c>GET /api/services/{id}</c> gives one definition.</summary>
public sealed class ServiceCatalogFunctions(ServiceCatalog catalog, ClientRateLimiter limiter)
{
    [Function("ServiceList")]
    public IActionResult List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services")] HttpRequest request)
    {
        if (limiter.Refuse(request, RateLimitedEndpoint.CatalogReads) is { } refused)
        {
            return refused;
        }
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return new OkObjectResult(catalog.All.Select(ServiceSummary.Of).ToList());
    }

    [Function("ServiceDefinition")]
    public IActionResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services/{id}")] HttpRequest request,
        string id)
    {
        if (limiter.Refuse(request, RateLimitedEndpoint.CatalogReads) is { } refused)
        {
            return refused;
        }
        if (catalog.Find(id) is not { } service)
        {
            return new NotFoundObjectResult(new ProblemDetails { Title = "Det finns ingen sådan e-tjänst.", Status = 404 });
        }
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return new OkObjectResult(service);
    }
}
