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

    Task<IReadOnlyList<UtilityMeterReading>> MeterReadingsAsync(string customerNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<UtilityPickup>> PickupScheduleAsync(string customerNumber, int weeks, CancellationToken cancellationToken);

    /// <summary>A reading; <paramref name="reference"/> makes a retry the same reading.</summary>
    Task ReportMeterReadingAsync(string meterId, DateOnly readOn, double value, string? comment, string reference, CancellationToken cancellationToken);

    /// <summary>An EDP case with its documents, for moving it to Platina; null when EDP has no such case.</summary>
    Task<UtilityCaseExport?> ExportCaseAsync(string edpCaseId, CancellationToken cancellationToken);

    /// <summary>Stores the Platina diary number on the EDP case, so EDP shows where it went (the same number again is harmless).</summary>
    Task LinkToPlatinaAsync(string edpCaseId, string diaryNumber, CancellationToken cancellationToken);

    /// <summary>A pickup pause or subscription change; <paramref name="reference"/> makes a retry the same request.</summary>
    Task<string> SendRequestAsync(UtilityRequestKind kind, string customerNumber, string subscriptionId, string reference, string details,
        DateOnly from, DateOnly? to, CancellationToken cancellationToken);
}
