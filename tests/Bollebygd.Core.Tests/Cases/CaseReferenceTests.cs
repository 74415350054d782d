using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Tests.Cases;

public class CaseReferenceTests
{
    [Fact]
    public void A_reference_is_KC_year_and_six_digits()
    {
        Assert.Equal("KC-2026-000042", new CaseReference(2026, 42).ToString());
        Assert.True(CaseReference.TryParse("kc-2026-000042", out var parsed));
        Assert.Equal(new CaseReference(2026, 42), parsed);
        Assert.False(CaseReference.TryParse("KC-2026-42", out _));
        Assert.False(CaseReference.TryParse("KC-2026-000000", out _));
    }

    [Theory]
    [InlineData(CaseStatus.Received, "Inskickat")]
    [InlineData(CaseStatus.InProgress, "Under behandling")]
    [InlineData(CaseStatus.Escalated, "Under behandling")]
    [InlineData(CaseStatus.AwaitingCitizen, "Väntar på komplettering")]
    [InlineData(CaseStatus.Complemented, "Kompletterad")]
    [InlineData(CaseStatus.Closed, "Avslutat")]
    public void Every_internal_status_maps_to_what_the_citizen_reads(CaseStatus status, string citizen)
    {
        Assert.Equal(citizen, CitizenStatus.Of(status));
    }

    [Fact]
    public void Tracking_tokens_carry_256_random_bits_and_only_their_hash_is_kept()
    {
        var a = TrackingToken.Create();
        var b = TrackingToken.Create();

        Assert.NotEqual(a, b);
        Assert.True(TrackingToken.LooksValid(a));
        Assert.Equal(64, TrackingToken.Hash(a).Length);
        Assert.NotEqual(a, TrackingToken.Hash(a));
        Assert.False(TrackingToken.LooksValid("../../etc"));
    }
}
