using System.Text.Json;
using Bollebygd.Core.Access;
using Bollebygd.Core.Routing;
using Bollebygd.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Routing;

/// <summary>
/// <c>POST /api/staff/routing/suggest</c>: which group a text belongs to (quick registration asks it), and the
/// retraining timer (<c>RoutingTrainingSchedule</c>) that teaches the classifier what staff corrected and closed.
/// </summary>
public sealed class RoutingFunctions(StaffAccess access, CaseRouter router, CompetenceGroups groups)
{
    public const string TrainingScheduleSetting = "RoutingTrainingSchedule";
    public const int MaxTextLength = 10_000;

    [Function("RoutingSuggest")]
    public async Task<IActionResult> Suggest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/routing/suggest")] HttpRequest request, CancellationToken cancellationToken)
    {
        return await access.RunAsync(request, StaffAction.SuggestRouting, async _ =>
        {
            var body = await JsonBodies.ReadAsync<SuggestBody>(request, JsonSerializerOptions.Web, cancellationToken);
            if (body?.Text is not { Length: > 0 and <= MaxTextLength } text)
            {
                return Problems.FieldError("text", "Skriv en text på högst 10 000 tecken.");
            }
            var decision = await router.SuggestAsync(text, cancellationToken);
            return new OkObjectResult(new
            {
                groupId = decision.GroupId,
                groupName = groups.Find(decision.GroupId)?.Name ?? decision.GroupId,
                confidence = Math.Round(decision.Confidence, 3),
            });
        }, cancellationToken);
    }

    [Function("RoutingTraining")]
    public Task Train([TimerTrigger("%" + TrainingScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        router.RetrainAsync(cancellationToken);

    private sealed record SuggestBody(string? Text);
}
