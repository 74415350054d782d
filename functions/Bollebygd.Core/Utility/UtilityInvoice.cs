namespace Bollebygd.Core.Utility;

public sealed record UtilityInvoice(string Number, string Period, decimal Amount, DateOnly DueDate, bool Paid);
