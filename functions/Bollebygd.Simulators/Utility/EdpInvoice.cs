namespace Bollebygd.Simulators.Utility;

/// <summary>An invoice: number, period, amount in kronor, due date and whether it is paid.</summary>
public sealed record EdpInvoice(string Number, string CustomerNumber, string Period, decimal Amount, DateOnly DueDate, bool Paid);
