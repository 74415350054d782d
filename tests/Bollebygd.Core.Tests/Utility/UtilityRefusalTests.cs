using Bollebygd.Core.Utility;

namespace Bollebygd.Core.Tests.Utility;

public sealed class UtilityRefusalTests
{
    [Fact]
    public void A_mistyped_meter_number_is_explained_and_the_citizen_asked_to_answer()
    {
        var refusal = UtilityRefusal.Of(new Dictionary<string, string[]> { ["meterId"] = ["Mätaren finns inte."] });

        Assert.True(refusal.CitizenCanFix);
        Assert.StartsWith("Mätarnumret du skrev finns inte hos oss.", refusal.ToCitizen);
        Assert.EndsWith("Svara på det här meddelandet, så registrerar vi det.", refusal.ToCitizen);
    }

    [Fact]
    public void Several_things_the_citizen_can_put_right_are_listed_one_per_line()
    {
        var refusal = UtilityRefusal.Of(new Dictionary<string, string[]> { ["value"] = ["Lägre än förra."], ["comment"] = ["Skriv en kommentar."] });

        Assert.True(refusal.CitizenCanFix);
        Assert.Contains("\n– Mätarställningen stämmer inte med våra uppgifter", refusal.ToCitizen);
        Assert.Contains("\n– Mätarställningen du lämnade avviker mycket", refusal.ToCitizen);
    }

    [Theory]
    [InlineData("subscriptionId")]
    [InlineData("customerNumber")]
    [InlineData("somethingNew")]
    [InlineData("from")]
    public void Anything_only_staff_can_sort_out_is_said_so_even_beside_what_the_citizen_could_fix(string field)
    {
        var refusal = UtilityRefusal.Of(new Dictionary<string, string[]> { [field] = ["Nej."], ["value"] = ["Lägre än förra."] });

        Assert.False(refusal.CitizenCanFix);
        Assert.Equal(UtilityRefusal.ForStaff, refusal.ToCitizen);
    }
}
