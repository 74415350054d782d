namespace Bollebygd.Core.Mail;

/// <summary>
/// Backoff for mail the server did not take: 1, 5, 15, 60 and 180 minutes, about four and a half hours in all. After
/// that the attempt fails for the queue, whose retries end in the poison queue and an operator alert.
/// </summary>
public static class MailRetryPolicy
{
    private static readonly TimeSpan[] Delays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(180)];

    public static int MaxAttempts => Delays.Length;

    /// <summary>The wait before the next attempt, or null when the mail has had all its attempts.</summary>
    public static TimeSpan? DelayAfter(int attempt) => attempt >= 0 && attempt < Delays.Length ? Delays[attempt] : null;
}
