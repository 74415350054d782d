using Bollebygd.Core.Access;
using Bollebygd.Core.Casework;
using Bollebygd.Core.Cases;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Sla;
using Bollebygd.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bollebygd.Functions.Tests.Sla;

/// <summary>
/// The SLA evaluation with the municipality's real calendar and policies, its clock moved by hand: reminders that fall
/// due at night or over a weekend wait for the office to open, and every one sent is sent in business time.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class SlaBusinessHoursTests(AzuriteFixture azurite)
{
    private static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + "+01:00");

    [Fact]
    public async Task A_breach_found_on_a_saturday_night_is_told_on_monday_morning_and_never_before()
    {
        var time = new FakeTimeProvider(Local("2026-11-26T12:30"));
        var mail = new CaseWorkflowHarness.CapturedMail(time);
        using var services = AppServices.Build(azurite, s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddSingleton<IOutgoingMailQueue>(mail);
        });
        var anna = new StaffUser("anna-" + Guid.NewGuid().ToString("N")[..6], "Anna", "anna@bollebygd.se", new HashSet<StaffRole> { StaffRole.Agent },
            new HashSet<string> { "kundtjanst" });
        await services.GetRequiredService<IStaffDirectory>().RecordAsync(anna, CancellationToken.None);
        // Thursday 12:30, at lunch: Kundtjänst owes a first answer in 4 business hours — warned Thursday 16:00, due Friday 08:30.
        var record = Assert.IsType<CaseWorkOutcome.Done>(await services.GetRequiredService<QuickRegistrationService>().RegisterAsync(anna,
            new QuickRegistration(Guid.NewGuid().ToString(), Channel.Phone, "Eva", null, null, "Fråga", "Eva ringde.", "kundtjanst", Close: false),
            CancellationToken.None)).Record;
        var sla = services.GetRequiredService<CaseSlaService>();

        var first = await sla.EvaluateAsync(CaseSlaState.New(record.Case.Id), CancellationToken.None);
        Assert.Equal(Local("2026-11-26T16:00"), first.WakeAt);

        // The workflow sleeps through an outage and wakes on Saturday at 03:00: everything is overdue, nobody is at work.
        time.SetUtcNow(Local("2026-11-28T03:00"));
        var saturday = await sla.EvaluateAsync(first.State, CancellationToken.None);
        Assert.Empty(mail.For(record.Case.Id));
        Assert.Equal(Local("2026-11-30T08:00"), saturday.WakeAt);
        Assert.Equal(SlaLevel.Breached, saturday.Standing!.Level);

        time.SetUtcNow(Local("2026-11-30T08:00"));
        var monday = await sla.EvaluateAsync(saturday.State, CancellationToken.None);
        var sent = mail.For(record.Case.Id);
        Assert.Contains(sent, m => m.Mail.To.Address == "anna@bollebygd.se" && m.Mail.Subject.Contains("Tidsgränsen för första svar har passerats"));
        Assert.DoesNotContain(sent, m => m.Mail.Purpose.Contains("-warn-")); // a warning after the breach helps nobody
        var calendar = services.GetRequiredService<BusinessCalendar>();
        Assert.All(sent, m => Assert.True(calendar.IsBusinessTime(m.At), $"{m.Mail.Purpose} queued at {m.At:O}, outside business time"));
        Assert.True(monday.WakeAt > Local("2026-11-30T08:00"));
    }
}
