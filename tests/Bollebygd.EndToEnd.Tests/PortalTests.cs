using System.Net;
using Microsoft.Playwright;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>The citizens' pages served by LocalHost from web/, in a real Chromium, checked with axe.</summary>
[Collection(EndToEndCollection.Name)]
public class PortalTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task The_start_page_loads_in_Swedish_shows_the_live_status_and_has_no_axe_violations()
    {
        var page = await fixture.Browser.NewPageAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Kontaktcenter", await page.TextContentAsync("h1"));
        await Assertions.Expect(page.Locator("#service-status")).ToHaveTextAsync("Alla tjänster fungerar som de ska.");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_accessibility_statement_is_reachable_by_keyboard_and_has_no_axe_violations()
    {
        var page = await fixture.Browser.NewPageAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        await page.GotoAsync("/");

        // Tab through the page until the menu's "Tillgänglighet" has focus, then follow it with Enter.
        for (var i = 0; i < 10 && await page.EvaluateAsync<string>("() => document.activeElement?.textContent?.trim() ?? ''") != "Tillgänglighet"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tillgänglighetsredogörelse");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kontakta kundtjänst" }).First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Deep_links_fall_back_to_the_start_page_but_missing_assets_and_api_routes_are_404()
    {
        var deepLink = await fixture.Http.GetAsync("/arende/KC-2026-000001");
        Assert.Equal(HttpStatusCode.OK, deepLink.StatusCode);
        Assert.Contains("<h1>Kontaktcenter</h1>", await deepLink.Content.ReadAsStringAsync());
        Assert.True(deepLink.Headers.Contains("Content-Security-Policy"));

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync("/css/finns-inte.css")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync("/api/finns-inte")).StatusCode);
    }
}
