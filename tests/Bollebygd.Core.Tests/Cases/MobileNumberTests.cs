using Bollebygd.Core.Sms;

namespace Bollebygd.Core.Tests.Cases;

public class MobileNumberTests
{
    [Theory]
    [InlineData("070-123 45 67", "+46701234567")]
    [InlineData("+46 70 123 45 67", "+46701234567")]
    [InlineData("0046701234567", "+46701234567")]
    [InlineData("0733-12 34 56", "+46733123456")]
    [InlineData("033-43 00 00", null)]
    [InlineData("070-123", null)]
    [InlineData("inget nummer", null)]
    [InlineData(null, null)]
    public void Swedish_mobile_numbers_are_written_the_gateways_way(string? phone, string? expected) =>
        Assert.Equal(expected, MobileNumber.Normalise(phone));
}
