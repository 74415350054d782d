namespace Bollebygd.Core.Utility;

/// <summary>
/// What the case card shows of the citizen in EDP Future: who, their subscriptions, invoices, consumption (meter
/// readings) and collection days.
/// </summary>
public sealed record CustomerContext(UtilityCustomer Customer, IReadOnlyList<UtilitySubscription> Subscriptions,
    IReadOnlyList<UtilityInvoice> Invoices, IReadOnlyList<UtilityMeterReading> Readings, IReadOnlyList<UtilityPickup> Pickups);
