namespace Bollebygd.Core.Utility;

/// <summary>
/// Port: EDP Future, the water and waste utility's system. Calls may throw <see cref="UtilityUnavailableException"/>
/// (try again later) or <see cref="UtilityRejectedException"/> (EDP refused what was sent, per field).
/// </summary>
public interface IEdpFuture
{
    Task<IReadOnlyList<UtilityCustomer>> FindCustomersAsync(string? identityNumber, string? customerNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<UtilitySubscription>> SubscriptionsAsync(string customerNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<UtilityInvoice>> InvoicesAsync(string customerNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<UtilityPickup>> PickupScheduleAsync(string customerNumber, int weeks, CancellationToken cancellationToken);

    Task ReportMeterReadingAsync(string meterId, DateOnly readOn, double value, string? comment, CancellationToken cancellationToken);

    /// <summary>A pickup pause or subscription change; <paramref name="reference"/> makes a retry the same request.</summary>
    Task<string> SendRequestAsync(UtilityRequestKind kind, string customerNumber, string subscriptionId, string reference, string details,
        DateOnly from, DateOnly? to, CancellationToken cancellationToken);
}
