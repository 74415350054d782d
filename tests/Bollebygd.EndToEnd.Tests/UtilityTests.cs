using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>
/// EDP Future through the running system: a citizen's request for a pause in waste collection reaches the EDP
/// simulator and its answer shows on the status page; the specialist sees the citizen's subscriptions, invoices and
/// collection days on the case card.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class UtilityTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task A_pickup_pause_reaches_edp_and_the_specialist_sees_the_customer_on_the_case_card()
    {
        // A pause from tomorrow for ten weeks: longer than the eight weeks of collection days the card shows.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var submitted = await fixture.Http.PostAsJsonAsync("/api/services/uppehall-i-avfallshamtning/submissions", new
        {
            submissionId = Guid.NewGuid().ToString(),
            values = new Dictionary<string, object>
            {
                ["namn"] = "Eva Exempel", ["personnummer"] = "19811218-9876", ["epost"] = "eva@example.se",
                ["adress"] = new Dictionary<string, string> { ["street"] = "Hultavägen 3", ["postalCode"] = "51733", ["city"] = "Bollebygd" },
                ["fastighet"] = "Bollebygd Hulta 1:23", ["orsak"] = "fritidshus", ["annanOrsak"] = "Vi bor i stan på vintern.",
                ["fran"] = today.AddDays(1).ToString("yyyy-MM-dd"), ["till"] = today.AddDays(71).ToString("yyyy-MM-dd"), ["intygande"] = true,
            },
        });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var answer = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var reference = answer.GetProperty("caseReference").GetString()!;

        // The request reaches EDP, and the citizen reads its answer on the status page.
        for (var i = 0; i < 60 && fixture.Simulators.Edp.Requests().All(r => r.Reference != reference); i++)
        {
            await Task.Delay(500);
        }
        Assert.Contains(fixture.Simulators.Edp.Requests(), r => r.Reference == reference && r.Kind == "pickup-pause");
        var citizen = await fixture.Browser.NewContextAsync();
        var status = await citizen.NewPageAsync();
        await status.GotoAsync(answer.GetProperty("trackingUrl").GetString()!);
        await Assertions.Expect(status.Locator("#case-messages")).ToContainTextAsync("Din ansökan om uppehåll i avfallshämtningen",
            new() { Timeout = 30_000 });

        // Sven, who works with water and waste, opens the case (the group's queue holds many by now) and looks the customer up.
        var caseId = await CaseIdAsync(reference);
        var staff = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        var page = await staff.NewPageAsync();
        await page.GotoAsync($"/agent/#/arende/{caseId}");
        await page.Locator("#signin-button").ClickAsync();
        await page.Locator("#user-sven").CheckAsync();
        await page.Locator("#dev-login-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#case-title")).ToContainTextAsync(reference);
        await page.Locator("#case-customer-show").ClickAsync();
        var customer = page.Locator("#case-customer-result");
        await Assertions.Expect(customer).ToContainTextAsync("Eva Exempel, kundnummer 100234, 19811218-****");
        await Assertions.Expect(customer).ToContainTextAsync("Kärl 190 l");
        await Assertions.Expect(customer).ToContainTextAsync("F-2026-4410");
        await Assertions.Expect(customer).ToContainTextAsync("1895 m³");
        // The pause EDP just took leaves no collection days in the coming weeks.
        await Assertions.Expect(customer).ToContainTextAsync("Inga hämtningar de närmaste åtta veckorna");
        Assert.DoesNotMatch(new Regex("9876"), await customer.InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await citizen.CloseAsync();
        await staff.CloseAsync();
    }

    /// <summary>The case's id, found in its group's queue through the staff API.</summary>
    private async Task<string> CaseIdAsync(string reference)
    {
        using var http = await fixture.StaffClientAsync("sven");
        for (var page = 1; page <= 20; page++)
        {
            var list = await http.GetFromJsonAsync<JsonElement>($"/api/staff/cases?view=queue&group=va-renhallning&page={page}&pageSize=100");
            foreach (var item in list.GetProperty("items").EnumerateArray())
            {
                if (item.GetProperty("reference").GetString() == reference)
                {
                    return item.GetProperty("id").GetString()!;
                }
            }
            if (list.GetProperty("items").GetArrayLength() < 100)
            {
                break;
            }
        }
        throw new InvalidOperationException($"{reference} is not in the queue of va-renhallning.");
    }
}
