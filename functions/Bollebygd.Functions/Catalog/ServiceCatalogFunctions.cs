using Bollebygd.Core.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Catalog;

/// <summary><c>GET /api/services</c> lists the catalogue A–Ö; <c>GET /api/services/{id}</c> gives one definition.</summary>
public sealed class ServiceCatalogFunctions(ServiceCatalog catalog)
{
    [Function("ServiceList")]
    public IActionResult List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services")] HttpRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return new OkObjectResult(catalog.All.Select(ServiceSummary.Of).ToList());
    }

    [Function("ServiceDefinition")]
    public IActionResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services/{id}")] HttpRequest request,
        string id)
    {
        if (catalog.Find(id) is not { } service)
        {
            return new NotFoundObjectResult(new ProblemDetails { Title = "Det finns ingen sådan e-tjänst.", Status = 404 });
        }
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return new OkObjectResult(service);
    }
}
