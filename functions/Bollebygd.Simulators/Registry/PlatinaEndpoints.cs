using Microsoft.AspNetCore.Mvc;

namespace Bollebygd.Simulators.Registry;

/// <summary>
/// The Platina Standard REST API subset under <c>/platina</c>, as written down in docs/simulators/platina.openapi.yaml
/// (every assumption marked there): an OAuth2 client-credentials token endpoint, journalized cases in diaries,
/// documents (deeds) with files, reference data — and <c>/platina/simulator/*</c> for tests (faults, overlaps, reset).
/// </summary>
public static class PlatinaEndpoints
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 4000;
    public const long MaxFileBytes = 50 * 1024 * 1024;

    public static void MapPlatina(this WebApplication app, PlatinaSimulator platina)
    {
        var root = app.MapGroup("/platina");
        root.MapPost("/oauth2/token", async (HttpRequest request) =>
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
            if (form?["grant_type"].ToString() != "client_credentials")
            {
                return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
            }
            if (form["client_id"].ToString() != platina.ClientId || form["client_secret"].ToString() != platina.ClientSecret)
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            }
            return Results.Json(new { access_token = platina.IssueToken(TimeSpan.FromHours(1)), token_type = "Bearer", expires_in = 3600 });
        });

        var api = root.MapGroup("/api/v7").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var header = http.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !platina.IsValidToken(header["Bearer ".Length..]))
            {
                return Results.Json(new { error = "invalid_token" }, statusCode: 401);
            }
            return await platina.Faults.ApplyAsync(http.RequestAborted) ?? await next(context);
        });

        api.MapGet("/diaries", () => PlatinaSimulator.Diaries);
        api.MapGet("/case-types", () => PlatinaSimulator.CaseTypes);
        api.MapGet("/statuses", () => PlatinaSimulator.Statuses);

        api.MapPost("/diaries/{diaryId:int}/journalized-cases", async (int diaryId, NewPlatinaCase body) =>
        {
            if (PlatinaSimulator.Diaries.All(d => d.Id != diaryId))
            {
                return Results.Problem(title: "Diariet finns inte.", statusCode: 404);
            }
            var errors = Validate(body);
            if (body.DiaryNumber is { Length: > 0 } number && platina.NumberTaken(diaryId, number))
            {
                errors["diaryNumber"] = ["Diarienumret används redan."];
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors);
            }
            return await WriteAsync(platina, async () =>
            {
                await Task.Yield();
                var created = platina.Create(diaryId, body, Today());
                return Results.Created($"/platina/api/v7/journalized-cases/{created.Id}", created);
            });
        });

        api.MapGet("/journalized-cases/{id:int}", (int id) =>
            platina.Find(id) is { } found ? Results.Ok(found) : Results.Problem(title: "Akten finns inte.", statusCode: 404));

        api.MapGet("/journalized-cases", ([FromQuery] string? externalReference) =>
            externalReference is { Length: > 0 } reference ? platina.ByExternalReference(reference) : platina.All());

        api.MapGet("/journalized-cases/{id:int}/deeds", (int id) =>
            platina.Find(id) is null ? Results.Problem(title: "Akten finns inte.", statusCode: 404) : Results.Ok(platina.DeedsOf(id)));

        api.MapPost("/journalized-cases/{id:int}/deeds", async (int id, NewPlatinaDeed body) =>
        {
            if (platina.Find(id) is null)
            {
                return Results.Problem(title: "Akten finns inte.", statusCode: 404);
            }
            if (body.Title is not { Length: > 0 and <= MaxTitle })
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["title"] = [$"Ange en rubrik på högst {MaxTitle} tecken."] });
            }
            if (body.Direction is not (null or "In" or "Out" or "Internal"))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["direction"] = ["Riktningen är In, Out eller Internal."] });
            }
            return await WriteAsync(platina, async () =>
            {
                await Task.Yield();
                var deed = platina.AddDeed(id, body, Today());
                return Results.Created($"/platina/api/v7/deeds/{deed.Id}", deed);
            });
        });

        api.MapPost("/deeds/{deedId:int}/files", async (int deedId, HttpRequest request) =>
        {
            if (platina.FindDeed(deedId) is null)
            {
                return Results.Problem(title: "Handlingen finns inte.", statusCode: 404);
            }
            if (!request.HasFormContentType || (await request.ReadFormAsync()).Files.GetFile("file") is not { } file)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Skicka filen i fältet file (multipart/form-data)."] });
            }
            if (file.Length is 0 or > MaxFileBytes)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Filen är tom eller större än 50 MB."] });
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            return await WriteAsync(platina, () => Task.FromResult(Results.Created($"/platina/api/v7/deeds/{deedId}",
                platina.AddFile(deedId, file.FileName, file.ContentType, buffer.ToArray()))));
        });

        var simulator = root.MapGroup("/simulator");
        simulator.MapPost("/faults", (SimulatedFaults request) =>
        {
            platina.Faults.Set(request);
            return Results.NoContent();
        });
        simulator.MapGet("/state", () => new { overlaps = platina.Overlaps, writes = platina.Writes, cases = platina.All() });
        simulator.MapPost("/reset", () =>
        {
            platina.Reset();
            return Results.NoContent();
        });
    }

    /// <summary>One write at a time, as the real API assumes: an overlapping one is refused with 409 and counted.</summary>
    private static async Task<IResult> WriteAsync(PlatinaSimulator platina, Func<Task<IResult>> write)
    {
        if (!platina.EnterWrite())
        {
            return Results.Problem(title: "En annan skrivning pågår. API:t tillåter inte samtidiga skrivningar.", statusCode: 409);
        }
        try
        {
            // A write takes a moment, so that overlapping callers really overlap.
            await Task.Delay(50);
            return await write();
        }
        finally
        {
            platina.LeaveWrite();
        }
    }

    private static Dictionary<string, string[]> Validate(NewPlatinaCase c)
    {
        var errors = new Dictionary<string, string[]>();
        if (c.Title is not { Length: > 0 })
        {
            errors["title"] = ["Rubrik saknas."];
        }
        else if (c.Title.Length > MaxTitle)
        {
            errors["title"] = [$"Rubriken får vara högst {MaxTitle} tecken."];
        }
        if (c.Description is { Length: > MaxDescription })
        {
            errors["description"] = [$"Beskrivningen får vara högst {MaxDescription} tecken."];
        }
        if (c.StatusId is not { } status || PlatinaSimulator.Statuses.All(s => s.Id != status))
        {
            errors["statusId"] = ["Okänd status."];
        }
        if (c.CaseTypeId is not { } type || PlatinaSimulator.CaseTypes.All(t => t.Id != type))
        {
            errors["caseTypeId"] = ["Okänd ärendetyp."];
        }
        if (c.Origin is not { Length: > 0 })
        {
            errors["origin"] = ["Ursprung saknas."];
        }
        if (c.SecrecyLevel is < 0 or > 2)
        {
            errors["secrecyLevel"] = ["Sekretessnivån är 0, 1 eller 2."];
        }
        if (c.SecrecyLevel is 1 or 2 && c.ConfidentialParagraphs is not { Count: > 0 })
        {
            errors["confidentialParagraphs"] = ["Ange sekretessparagraf när ärendet har sekretess."];
        }
        if (c.PulLevel is < 0 or > 2)
        {
            errors["pulLevel"] = ["PUL-nivån är 0, 1 eller 2."];
        }
        if (c.Initiators is null || c.Initiators.Any(i => i.Name is not { Length: > 0 }))
        {
            errors["initiators"] = ["Ange minst ett namn på varje initiativtagare."];
        }
        return errors;
    }

    private static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).DateTime);
}
