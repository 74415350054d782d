namespace Bollebygd.Core.Intake;

/// <summary>
/// Work for the receipts queue: send the mottagningskvittens for a case. The tracking token travels in the message
/// because only its hash is stored; the message is deleted once the mail is sent.
/// </summary>
public sealed record ReceiptRequest(string CaseId, string TrackingToken);
