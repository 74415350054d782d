namespace Bollebygd.Core.Forms;

/// <summary>A postal address as an address field stores it; the postal code as five digits.</summary>
public sealed record Address(string Street, string PostalCode, string City)
{
    public const string StreetPart = "street";
    public const string PostalCodePart = "postalCode";
    public const string CityPart = "city";

    public override string ToString() => $"{Street}, {PostalCode[..3]} {PostalCode[3..]} {City}";
}
