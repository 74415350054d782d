namespace Bollebygd.Core.Operations;

/// <summary>
/// How long work in an outbox waits for an external system (Platina, EDP Future) to come back: 1, 2, 5, 10, 15 and 30
/// minutes, then every hour — about twelve hours in all — before it gives up, raises an operator alert and flags the case.
/// </summary>
public static class OutboxRetryPolicy
{
    private static readonly TimeSpan[] Delays =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(30), .. Enumerable.Repeat(TimeSpan.FromHours(1), 11),
    ];

    /// <summary>How long to wait when another writer holds the lease: a moment, not a backoff step.</summary>
    public static readonly TimeSpan WhileBusy = TimeSpan.FromSeconds(5);

    public static int MaxAttempts => Delays.Length;

    public static TimeSpan? DelayAfter(int attempt) => attempt >= 0 && attempt < Delays.Length ? Delays[attempt] : null;
}
