using System.Text.Json;
using Bollebygd.Core.Access;
using Bollebygd.Core.Knowledge;
using Bollebygd.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Knowledge;

/// <summary>
/// The knowledge base: staff search and read every article, leads and admins write them (<c>If-Match</c> for a change),
/// an answer put into a reply is counted; the citizen portal reads the public articles of an e-service.
/// </summary>
public sealed class KnowledgeFunctions(StaffAccess access, KnowledgeService knowledge, ClientRateLimiter rateLimiter)
{
    [Function("KnowledgeSearch")]
    public async Task<IActionResult> Search(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/knowledge")] HttpRequest request, CancellationToken cancellationToken)
    {
        return await access.RunAsync(request, StaffAction.ReadKnowledge, async _ =>
            new OkObjectResult(new { articles = (await knowledge.SearchAsync(request.Query["q"], includeInternal: true, cancellationToken)).Select(View) }),
            cancellationToken);
    }

    [Function("KnowledgeArticle")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/knowledge/{id}")] HttpRequest request, string id,
        CancellationToken cancellationToken)
    {
        return await access.RunAsync(request, StaffAction.ReadKnowledge, async _ =>
        {
            if (await knowledge.GetAsync(id, cancellationToken) is not { } article)
            {
                return NotFound();
            }
            request.HttpContext.Response.Headers.ETag = article.ETag;
            return new OkObjectResult(View(article));
        }, cancellationToken);
    }

    [Function("KnowledgeSave")]
    public async Task<IActionResult> Save(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "staff/knowledge/{id}")] HttpRequest request, string id,
        CancellationToken cancellationToken)
    {
        return await access.RunAsync(request, StaffAction.EditKnowledge, async user =>
        {
            var edit = await JsonBodies.ReadAsync<KnowledgeEdit>(request, JsonSerializerOptions.Web, cancellationToken);
            if (edit is null)
            {
                return Problems.FieldError("body", "Artikeln kunde inte läsas.");
            }
            return await knowledge.SaveAsync(user, id, StaffAccess.IfMatch(request), edit, cancellationToken) switch
            {
                KnowledgeSaveOutcome.Saved saved => Saved(request, saved),
                KnowledgeSaveOutcome.Invalid invalid => Problems.FieldErrors(invalid.Errors),
                _ => Problems.Status(StatusCodes.Status409Conflict,
                    "Artikeln finns redan eller har ändrats av någon annan sedan du öppnade den. Ladda om och gör din ändring igen."),
            };
        }, cancellationToken);
    }

    [Function("KnowledgeUse")]
    public async Task<IActionResult> Use(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/knowledge/{id}/uses")] HttpRequest request, string id,
        CancellationToken cancellationToken)
    {
        return await access.RunAsync(request, StaffAction.WorkCases, async _ =>
        {
            if (await knowledge.GetAsync(id, cancellationToken) is null)
            {
                return NotFound();
            }
            await knowledge.CountUseAsync(id, cancellationToken);
            return new NoContentResult();
        }, cancellationToken);
    }

    [Function("KnowledgeStatistics")]
    public async Task<IActionResult> Statistics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/knowledge-statistics")] HttpRequest request, CancellationToken cancellationToken)
    {
        return await access.RunAsync(request, StaffAction.EditKnowledge, async _ =>
        {
            var (mostUsed, gaps) = await knowledge.StatisticsAsync(cancellationToken);
            return new OkObjectResult(new
            {
                mostUsed = mostUsed.Select(a => new { id = a.Id, title = a.Title, usageCount = a.UsageCount }),
                gaps = gaps.Select(g => new { query = g.Query, count = g.Count, lastAsked = g.LastAsked }),
            });
        }, cancellationToken);
    }

    [Function("PublicKnowledge")]
    public async Task<IActionResult> Public(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "knowledge")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (rateLimiter.Refuse(request, RateLimitedEndpoint.CatalogReads) is { } refused)
        {
            return refused;
        }
        var service = request.Query["service"].ToString();
        var articles = service.Length > 0
            ? await knowledge.PublicForServiceAsync(service, cancellationToken)
            : await knowledge.SearchAsync(request.Query["q"], includeInternal: false, cancellationToken);
        return new OkObjectResult(new { articles = articles.Select(a => new { id = a.Id, title = a.Title, body = a.Body, category = a.Category }) });
    }

    private static IActionResult NotFound() => Problems.Status(StatusCodes.Status404NotFound, "Artikeln finns inte.");

    private static IActionResult Saved(HttpRequest request, KnowledgeSaveOutcome.Saved saved)
    {
        request.HttpContext.Response.Headers.ETag = saved.Article.ETag;
        return new ObjectResult(View(saved.Article)) { StatusCode = saved.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK };
    }

    private static object View(KnowledgeArticle a) => new
    {
        id = a.Id,
        title = a.Title,
        body = a.Body,
        category = a.Category,
        isPublic = a.IsPublic,
        keywords = a.Keywords,
        serviceIds = a.ServiceIds,
        usageCount = a.UsageCount,
        updatedAt = a.UpdatedAt,
        etag = a.ETag,
    };
}
