namespace Bollebygd.Simulators.Utility;

/// <summary>
/// The EDP Future subset under <c>/edp/api/v1</c>, as written down in docs/simulators/edp-future.openapi.yaml (every
/// assumption marked there): customers by identity or customer number, their subscriptions, invoices, meter readings
/// and collection days; reporting a meter reading; pickup-pause and subscription-change requests; a case's export for
/// the nämnd and its link to Platina — and <c>/edp/simulator/*</c> for tests.
/// </summary>
public static class EdpEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static void MapEdp(this WebApplication app, EdpSimulator edp)
    {
        var root = app.MapGroup("/edp");
        var api = root.MapGroup("/api/v1").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.Headers[ApiKeyHeader].ToString() != edp.ApiKey)
            {
                return Results.Json(new { error = "invalid_api_key" }, statusCode: 401);
            }
            return await edp.Faults.ApplyAsync(http.RequestAborted) ?? await next(context);
        });

        // A search by POST: personnummer stay out of URLs (and so out of access logs).
        api.MapPost("/customers/search", (CustomerSearchBody body) =>
            body.IdentityNumber is { Length: > 0 } || body.CustomerNumber is { Length: > 0 }
                ? Results.Ok(edp.FindCustomers(body.IdentityNumber, body.CustomerNumber))
                : Results.ValidationProblem(new Dictionary<string, string[]> { ["identityNumber"] = ["Ange personnummer eller kundnummer."] }));
        api.MapGet("/customers/{customerNumber}/subscriptions", (string customerNumber) =>
            Known(edp, customerNumber, () => edp.Subscriptions(customerNumber)));
        api.MapGet("/customers/{customerNumber}/invoices", (string customerNumber) =>
            Known(edp, customerNumber, () => edp.Invoices(customerNumber)));
        api.MapGet("/customers/{customerNumber}/meter-readings", (string customerNumber) =>
            Known(edp, customerNumber, () => edp.Readings(customerNumber)));
        api.MapGet("/customers/{customerNumber}/pickup-schedule", (string customerNumber, DateOnly? from, int? weeks) =>
            Known(edp, customerNumber, () => edp.PickupSchedule(customerNumber,
                from ?? DateOnly.FromDateTime(DateTime.UtcNow), Math.Clamp(weeks ?? 8, 1, 52))));

        api.MapPost("/meter-readings", (MeterReadingBody body) =>
        {
            if (body.MeterId is not { Length: > 0 } meter || body.ReadOn is not { } readOn || body.Value is not { } value || value < 0)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["value"] = ["Ange mätare, datum och mätarställning."] });
            }
            var (stored, errors) = edp.Report(meter, readOn, value, body.Comment, body.Reference);
            return stored is null ? Results.ValidationProblem(errors) : Results.Created($"/edp/api/v1/meter-readings/{meter}", stored);
        });
        api.MapPost("/pickup-pauses", (ChangeBody body) => Receive(edp, "pickup-pause", body));
        api.MapPost("/subscription-changes", (ChangeBody body) => Receive(edp, "subscription-change", body));
        api.MapGet("/requests/{reference}", (string reference) =>
            edp.Requests().FirstOrDefault(r => r.Reference == reference) is { } found ? Results.Ok(found) : Results.NotFound());

        api.MapGet("/cases/{id}", (string id) => edp.Case(id) is { } found ? Results.Ok(found) : Results.NotFound());
        api.MapGet("/cases/{id}/export", (string id) => edp.Case(id) is { } found
            ? Results.Ok(new { caseId = found.Id, title = found.Title, customerNumber = found.CustomerNumber, documents = found.Documents })
            : Results.NotFound());
        api.MapPut("/cases/{id}/platina-link", (string id, PlatinaLinkBody body) =>
            body.PlatinaReference is not { Length: > 0 } reference
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["platinaReference"] = ["Ange diarienumret i Platina."] })
                : edp.LinkToPlatina(id, reference) is { } linked ? Results.Ok(linked) : Results.NotFound());

        var simulator = root.MapGroup("/simulator");
        simulator.MapPost("/faults", (SimulatedFaults faults) =>
        {
            edp.Faults.Set(faults);
            return Results.NoContent();
        });
        simulator.MapGet("/state", () => new { requests = edp.Requests() });
        simulator.MapPost("/reset", () =>
        {
            edp.Reset();
            return Results.NoContent();
        });
    }

    private static IResult Known<T>(EdpSimulator edp, string customerNumber, Func<T> read) =>
        edp.Customer(customerNumber) is null ? Results.NotFound() : Results.Ok(read());

    private static IResult Receive(EdpSimulator edp, string kind, ChangeBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.CustomerNumber is not { Length: > 0 } customer || edp.Customer(customer) is null)
        {
            errors["customerNumber"] = ["Kunden finns inte."];
        }
        else if (body.SubscriptionId is not { Length: > 0 } subscription || edp.Subscriptions(customer).All(s => s.Id != subscription))
        {
            errors["subscriptionId"] = ["Abonnemanget finns inte hos kunden."];
        }
        if (body.Reference is not { Length: > 0 and <= 100 })
        {
            errors["reference"] = ["Ange en referens (högst 100 tecken)."];
        }
        if (body.From is not { } from)
        {
            errors["from"] = ["Ange från vilket datum."];
        }
        else if (body.To is { } to && to < from)
        {
            errors["to"] = ["Slutdatumet är före startdatumet."];
        }
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }
        var (request, created) = edp.Receive(kind, body.CustomerNumber!, body.SubscriptionId!, body.Reference!, body.Details ?? "", body.From!.Value, body.To);
        return created ? Results.Created($"/edp/api/v1/requests/{request.Reference}", request) : Results.Ok(request);
    }

    public sealed record MeterReadingBody(string? MeterId, DateOnly? ReadOn, double? Value, string? Comment, string? Reference);

    public sealed record CustomerSearchBody(string? IdentityNumber, string? CustomerNumber);

    public sealed record ChangeBody(string? CustomerNumber, string? SubscriptionId, string? Reference, string? Details, DateOnly? From, DateOnly? To);

    public sealed record PlatinaLinkBody(string? PlatinaReference);
}
