using Bollebygd.Core;
using Bollebygd.Core.Forms;
using Bollebygd.Core.Intake;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bollebygd.Functions.Tests.Intake;

[Collection(StorageCollection.Name)]
public class SubmissionTakeoverTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_submission_left_half_done_is_finished_by_the_retry_with_its_reference_and_no_second_case()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var services = AppServices.Build(azurite, s => s.AddSingleton<TimeProvider>(time));
        var submissions = services.GetRequiredService<SubmissionService>();
        var claims = services.GetRequiredService<ISubmissionClaims>();
        var submissionId = Guid.NewGuid().ToString();
        var request = new SubmissionRequest("kontakta-kundtjanst", submissionId, FormInput.FromPairs(
        [
            KeyValuePair.Create("namn", (IEnumerable<string?>)["Anna"]),
            KeyValuePair.Create("epost", (IEnumerable<string?>)["anna@example.se"]),
            KeyValuePair.Create("fraga", (IEnumerable<string?>)["Hej"]),
        ]), null);

        // A first attempt claimed the id and got its reference, then died.
        var claim = await claims.ClaimAsync(submissionId, "kontakta-kundtjanst", Guid.NewGuid().ToString("N"), time.GetUtcNow(), CancellationToken.None);
        var reference = await services.GetRequiredService<Core.Cases.ICaseReferences>().NextAsync(SwedishTime.Now(time).Year, submissionId, CancellationToken.None);
        await claims.UpdateAsync(claim with { Reference = reference }, CancellationToken.None);

        // A retry at once is told to wait; one after the takeover time finishes the case.
        Assert.IsType<SubmissionOutcome.InProgress>(await submissions.SubmitAsync(request, CancellationToken.None));
        time.Advance(CaseOpener.ClaimTakeoverAfter + TimeSpan.FromSeconds(1));
        var accepted = Assert.IsType<SubmissionOutcome.Accepted>(await submissions.SubmitAsync(request, CancellationToken.None));

        Assert.Equal(reference, accepted.Reference);
        var again = Assert.IsType<SubmissionOutcome.Accepted>(await submissions.SubmitAsync(request, CancellationToken.None));
        Assert.Equal(reference, again.Reference);
        Assert.False(again.IsNew);
    }
}
