namespace Bollebygd.Simulators.Utility;

/// <summary>
/// A request the utility received through the API — a pickup pause or a subscription change — with the reference it
/// was sent under (the caller's idempotency key: the same reference twice is the same request).
/// </summary>
public sealed record EdpRequest(string Id, string Kind, string CustomerNumber, string SubscriptionId, string Reference, string Details,
    DateOnly From, DateOnly? To, DateTimeOffset ReceivedAt, string Status = "Mottagen");
