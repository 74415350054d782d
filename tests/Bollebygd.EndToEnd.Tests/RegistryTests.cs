using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>
/// Diarieföring through the running system: the registrator's list shows the cases waiting for a number; she opens a
/// case from a link, presses "Diarieför i Platina", and the diary number the Platina simulator gave shows on the case.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class RegistryTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task A_registrator_registers_a_case_from_the_agent_app_and_sees_its_diary_number()
    {
        using var http = await fixture.StaffClientAsync("anna");
        var registered = await http.PostAsJsonAsync("/api/staff/cases", new
        {
            registrationId = Guid.NewGuid().ToString(), channel = "letter", name = "Olle Ek", subject = "Begäran om allmän handling",
            text = "Olle begär ut protokollet från kommunstyrelsens senaste möte.", group = "kundtjanst", close = false,
        });
        var card = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var caseId = card.GetProperty("id").GetString()!;

        // Another case whose registration Lena, the group's lead, asked for: it waits on Rita's list while Platina is slow.
        fixture.Simulators.Platina.Faults.Set(new Bollebygd.Simulators.SimulatedFaults(0, null, 4000));
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        try
        {
            var other = await (await http.PostAsJsonAsync("/api/staff/cases", new
            {
                registrationId = Guid.NewGuid().ToString(), channel = "letter", name = "Stina Al", subject = "Överklagande av beslut",
                text = "Stina överklagar beslutet om bygglov.", group = "kundtjanst", close = false,
            })).Content.ReadFromJsonAsync<JsonElement>();
            var lead = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/cases/{other.GetProperty("id").GetString()}/registrations");
            lead.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.StaffTokenAsync("lena"));
            Assert.True((await http.SendAsync(lead)).IsSuccessStatusCode);

            await page.GotoAsync("/agent/");
            await page.Locator("#signin-button").ClickAsync();
            await page.Locator("#user-rita").CheckAsync();
            await page.Locator("#dev-login-submit").ClickAsync();
            await Assertions.Expect(page.Locator("#queue-title")).ToHaveTextAsync("Att diarieföra");
            await Assertions.Expect(page.Locator("#queue-rows")).ToContainTextAsync(other.GetProperty("reference").GetString()!);
            await Accessibility.AssertNoViolationsAsync(page);
        }
        finally
        {
            fixture.Simulators.Platina.Faults.Clear();
        }

        // The first case, opened from a link: Rita registers it herself.
        await page.GotoAsync($"/agent/#/arende/{caseId}");
        await Assertions.Expect(page.Locator("#case-title")).ToContainTextAsync(card.GetProperty("reference").GetString()!);
        await page.Locator("#case-register").ClickAsync();
        await Assertions.Expect(page.Locator("#agent-message")).ToContainTextAsync("Diarieföringen är begärd");
        await Assertions.Expect(page.Locator("#case-facts")).ToContainTextAsync("Diarieföring i Platina pågår");
        await Accessibility.AssertNoViolationsAsync(page);

        var number = new Regex(@"KS \d{4}/\d+");
        for (var i = 0; i < 60 && !number.IsMatch(await page.Locator("#case-facts").InnerTextAsync()); i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#case-title")).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.Locator("#case-facts")).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("#case-timeline")).ToContainTextAsync("Diariefört i Platina som KS");
        await Assertions.Expect(page.Locator("#case-register")).ToBeHiddenAsync();
        Assert.Contains(fixture.Simulators.Platina.All(), c => c.ExternalReference == card.GetProperty("reference").GetString());
        Assert.Equal(0, fixture.Simulators.Platina.Overlaps);
        await context.CloseAsync();
    }
}
