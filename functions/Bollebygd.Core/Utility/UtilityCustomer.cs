namespace Bollebygd.Core.Utility;

public sealed record UtilityCustomer(string CustomerNumber, string IdentityNumber, string Name, string Address);
