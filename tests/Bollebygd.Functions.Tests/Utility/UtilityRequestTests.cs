using Bollebygd.Core.Cases;
using Bollebygd.Core.Forms;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Utility;
using Bollebygd.Simulators;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Bollebygd.Functions.Tests.Utility;

/// <summary>
/// The e-services that belong in EDP Future, from the citizen's form to the EDP simulator and back to the status page:
/// sent once, an outage waited out while the citizen's case stays "Inskickat", a refusal explained.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class UtilityRequestTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SimulatorApp _simulators = null!;
    private ServiceProvider _services = null!;
    private readonly CaseWorkflowHarness.CapturedMail _mail = new();

    public async Task InitializeAsync()
    {
        _simulators = SimulatorApp.Create([], $"http://127.0.0.1:{FreePort.Next()}");
        await _simulators.StartAsync();
        _services = AppServices.Build(azurite, s => s.AddSingleton<IOutgoingMailQueue>(_mail), new Dictionary<string, string?>
        {
            ["Edp:BaseUrl"] = new Uri(_simulators.BaseAddress, "/edp").ToString(),
            ["Edp:ApiKeySetting"] = "EdpApiKey",
            ["EdpApiKey"] = "simulator-api-key",
            ["Edp:TimeoutSeconds"] = "1",
            ["Edp:BreakSeconds"] = "1",
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _simulators.DisposeAsync();
    }

    [Fact]
    public async Task A_pickup_pause_goes_to_edp_once_and_the_citizen_reads_the_answer_on_the_status_page()
    {
        var accepted = await SubmitAsync(UtilityService.PickupPause,
            ("personnummer", "19811218-9876"), ("fastighet", "Bollebygd Hulta 1:23"), ("orsak", "fritidshus"),
            ("annanOrsak", "Vi bor i stan över vintern."), ("fran", "2026-12-01"), ("till", "2027-02-28"));

        await DrainAsync(accepted);
        await DrainAsync(accepted); // redelivered: nothing more

        var request = Assert.Single(_simulators.Edp.Requests());
        Assert.Equal(("pickup-pause", "100234", "S-2", accepted.Reference.ToString()), (request.Kind, request.CustomerNumber, request.SubscriptionId, request.Reference));
        var view = (await _services.GetRequiredService<CaseTrackingService>().GetAsync(accepted.TrackingToken!, CancellationToken.None))!;
        Assert.Contains(view.Messages, m => m.Text.StartsWith("Din ansökan om uppehåll i avfallshämtningen 1 december 2026–28 februari 2027"));
        Assert.Contains(_mail.About(await CaseIdAsync(accepted), OutgoingMail.ReplyPurposePrefix + UtilityService.OutcomeReplyId), _ => true);
    }

    [Fact]
    public async Task While_edp_does_not_answer_the_citizen_sees_received_and_the_reading_is_registered_when_it_is_back()
    {
        _simulators.Edp.Faults.Set(new SimulatedFaults(0, null, 3000)); // slower than the connector waits
        var accepted = await SubmitAsync(UtilityService.MeterReading, ("matarnummer", "M-7781"), ("avlasningsdatum", "2026-11-15"),
            ("matarstallning", "1980"));
        var tracking = _services.GetRequiredService<CaseTrackingService>();

        var retry = await _services.GetRequiredService<UtilityService>().HandleAsync(new UtilityRequest(await CaseIdAsync(accepted)), CancellationToken.None);

        Assert.NotNull(retry);
        Assert.Equal(1, retry!.Value.Next.Attempt);
        Assert.Equal(CitizenStatus.Submitted, (await tracking.GetAsync(accepted.TrackingToken!, CancellationToken.None))!.Status);

        _simulators.Edp.Faults.Clear();
        await DrainAsync(accepted, retry.Value.Next);
        var view = (await tracking.GetAsync(accepted.TrackingToken!, CancellationToken.None))!;
        Assert.Equal(CitizenStatus.Closed, view.Status);
        Assert.Contains(view.Messages, m => m.Text.StartsWith("Din mätarställning 1980 m³ den 15 november 2026 är registrerad"));
    }

    [Fact]
    public async Task A_reading_far_from_the_usual_is_not_registered_and_the_citizen_is_asked_why()
    {
        var accepted = await SubmitAsync(UtilityService.MeterReading, ("matarnummer", "M-7781"), ("avlasningsdatum", "2026-11-15"),
            ("matarstallning", "2600"));

        await DrainAsync(accepted);

        var record = (await _services.GetRequiredService<ICaseStore>().GetAsync(await CaseIdAsync(accepted), CancellationToken.None))!;
        Assert.Equal(CaseStatus.AwaitingCitizen, record.Case.Status);
        Assert.StartsWith("EDP Future tog inte emot ärendet", record.Case.Attention);
        Assert.Contains(record.Timeline, e => e.Kind == TimelineEntryKind.MunicipalityMessage && e.Text.Contains("avviker mycket"));
        Assert.DoesNotContain(_simulators.Edp.Readings("100234"), r => r.Value == 2600);
    }

    [Fact]
    public async Task A_meter_number_edp_does_not_know_is_explained_to_the_citizen_who_is_asked_for_the_right_one()
    {
        var accepted = await SubmitAsync(UtilityService.MeterReading, ("matarnummer", "M-0000"), ("avlasningsdatum", "2026-11-15"),
            ("matarstallning", "1980"));

        await DrainAsync(accepted);

        var record = (await _services.GetRequiredService<ICaseStore>().GetAsync(await CaseIdAsync(accepted), CancellationToken.None))!;
        Assert.Equal(CaseStatus.AwaitingCitizen, record.Case.Status);
        Assert.Contains("Den som skrev har fått frågan", record.Case.Attention);
        var view = (await _services.GetRequiredService<CaseTrackingService>().GetAsync(accepted.TrackingToken!, CancellationToken.None))!;
        Assert.Contains(view.Messages, m => m.Text.StartsWith("Mätarnumret du skrev finns inte hos oss."));
    }

    private async Task<SubmissionOutcome.Accepted> SubmitAsync(string serviceId, params (string Name, string Value)[] values)
    {
        var common = new (string, string)[]
        {
            ("namn", "Eva Exempel"), ("epost", "eva@example.se"), ("intygande", "on"),
            ($"adress.{Address.StreetPart}", "Hultavägen 3"), ($"adress.{Address.PostalCodePart}", "51733"), ($"adress.{Address.CityPart}", "Bollebygd"),
        };
        var request = new SubmissionRequest(serviceId, Guid.NewGuid().ToString(), FormInput.FromPairs(common.Concat(values)
            .Select(v => KeyValuePair.Create(v.Item1, (IEnumerable<string?>)[v.Item2]))), null);
        var outcome = await _services.GetRequiredService<SubmissionService>().SubmitAsync(request, CancellationToken.None);
        return outcome as SubmissionOutcome.Accepted ?? throw new Xunit.Sdk.XunitException("Not accepted: " + (outcome is SubmissionOutcome.Invalid invalid
            ? string.Join("; ", invalid.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) : outcome.ToString()));
    }

    private async Task<string> CaseIdAsync(SubmissionOutcome.Accepted accepted) =>
        (await _services.GetRequiredService<ICaseStore>().FindByReferenceAsync(accepted.Reference, CancellationToken.None))!.Case.Id;

    private async Task DrainAsync(SubmissionOutcome.Accepted accepted, UtilityRequest? request = null)
    {
        request ??= new UtilityRequest(await CaseIdAsync(accepted));
        for (var round = 0; round < 20; round++)
        {
            if (await _services.GetRequiredService<UtilityService>().HandleAsync(request, CancellationToken.None) is not var (next, _))
            {
                return;
            }
            request = next;
            await Task.Delay(300);
        }
        throw new InvalidOperationException("The EDP request was not done.");
    }
}
