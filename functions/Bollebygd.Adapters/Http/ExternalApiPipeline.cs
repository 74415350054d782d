using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Bollebygd.Adapters.Http;

/// <summary>
/// How every call to an external system (Platina, EDP Future) is made: within a timeout, behind a circuit breaker that
/// stops calling a system that keeps failing for <c>breakSeconds</c>. Reads are retried twice at once for a passing
/// fault (no answer, 5xx, 408, 429, 409); writes never are here — a write whose answer was lost may have been done, so
/// it is the outbox's to look and try again (its retries find what was written before writing again).
/// </summary>
public static class ExternalApiPipeline
{
    private static readonly ResiliencePropertyKey<bool> MayRetry = new("bollebygd.may-retry");

    /// <summary>Sends through the pipeline; <paramref name="mayRetry"/> only for reads (a write is never repeated here).</summary>
    public static async Task<HttpResponseMessage> SendAsync(this ResiliencePipeline<HttpResponseMessage> pipeline, bool mayRetry,
        Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MayRetry, mayRetry);
        try
        {
            return await pipeline.ExecuteAsync(async ctx => await send(ctx.CancellationToken), context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public static ResiliencePipeline<HttpResponseMessage> Create(int timeoutSeconds, int breakSeconds) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(Math.Max(1, breakSeconds)),
                ShouldHandle = Transient,
            })
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = args => ValueTask.FromResult(args.Context.Properties.GetValue(MayRetry, false) && Transient.Build()(args.Outcome)),
            })
            .AddTimeout(TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds)))
            .Build();

    /// <summary>Whether an exception from the pipeline means "the system did not answer" (try again later).</summary>
    public static bool IsNoAnswer(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
        || ex is TaskCanceledException && !cancellationToken.IsCancellationRequested;

    private static PredicateBuilder<HttpResponseMessage> Transient => new PredicateBuilder<HttpResponseMessage>()
        .Handle<HttpRequestException>()
        .Handle<TimeoutRejectedException>()
        .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict);

    /// <summary>A validation problem's errors, per field; empty when the body is not one.</summary>
    public static IReadOnlyDictionary<string, string[]> Errors(string problem)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(problem);
            if (json.RootElement.TryGetProperty("errors", out var errors))
            {
                return errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray());
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return new Dictionary<string, string[]>();
    }
}
