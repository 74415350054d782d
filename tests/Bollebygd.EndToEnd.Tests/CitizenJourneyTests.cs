using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>
/// A citizen's whole errand through the real system: the catalogue, a form with a mistake and its correction, the
/// receipt page, the receipt mail in smtp4dev, the status page through the private link and a complement with a
/// file — and the same form sent with JavaScript switched off. axe checks every page on the way.
/// </summary>
[Collection(EndToEndCollection.Name)]
public partial class CitizenJourneyTests(LocalHostFixture fixture)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task A_citizen_applies_for_a_pause_in_waste_collection_and_follows_the_case()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        // Finds the service through the filters.
        await page.GotoAsync("/e-tjanster/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("E-tjänster och blanketter A–Ö");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#malgrupp-invanare").CheckAsync();
        await page.Locator("#kategori-avfall-och-atervinning").CheckAsync();
        await Assertions.Expect(page.Locator("#tjanst-uppehall-i-avfallshamtning")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#tjanst-bygglov")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#catalog-count")).ToContainTextAsync("Visar");
        Assert.Contains("kategori=", page.Url);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#tjanst-uppehall-i-avfallshamtning a").First.ClickAsync();

        // Step 1, with a wrong personnummer first.
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Uppehåll i avfallshämtning");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#f-namn").FillAsync("Anna Andersson");
        await page.Locator("#f-personnummer").FillAsync("811218-9875");
        await page.Locator("#f-epost").FillAsync("anna.andersson@example.se");
        await page.Locator("#step-next").ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Kontrollera personnumret. Någon siffra verkar vara fel.");
        await Assertions.Expect(page.Locator("#f-personnummer-fel")).ToContainTextAsync("Kontrollera personnumret");
        await Assertions.Expect(page.Locator("#f-personnummer")).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#f-personnummer").FillAsync("811218-9876");
        await page.Locator("#step-next").ClickAsync();

        // Step 2.
        await page.Locator("#f-adress-street").FillAsync("Storgatan 1");
        await page.Locator("#f-adress-postalCode").FillAsync("517 33");
        await page.Locator("#f-adress-city").FillAsync("Bollebygd");
        await page.Locator("#f-fastighet").FillAsync("Bollebygd Hulta 1:23");
        await page.Locator("#f-orsak-0").CheckAsync();
        await page.Locator("#f-fran").FillAsync("2027-01-01");
        await page.Locator("#f-till").FillAsync("2027-06-30");
        await page.Locator("#f-intygande").CheckAsync();
        await page.Locator("#step-next").ClickAsync(); // on the last step, "Nästa" leads to the summary

        // The summary, with the personnummer masked, then send.
        await Assertions.Expect(page.Locator("#form-summary-title")).ToHaveTextAsync("Kontrollera dina uppgifter");
        await Assertions.Expect(page.Locator("#form-summary")).ToContainTextAsync("19811218-****");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#submit-button").ClickAsync();

        // The receipt page.
        await page.WaitForURLAsync(new Regex(@"/kvitto\.html\?arende=KC-\d{4}-\d{6}$"));
        var reference = page.Url.Split("arende=")[1];
        await Assertions.Expect(page.Locator("#receipt-reference-value")).ToHaveTextAsync(reference);
        await Assertions.Expect(page.Locator("#receipt-tracking-link")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // The receipt mail, with the private link and no personnummer in clear.
        var mail = await fixture.Mail.WaitForMailAsync($"[{reference}] Vi har tagit emot ditt ärende", TimeSpan.FromSeconds(60));
        Assert.DoesNotContain("198112189876", mail);
        Assert.Contains("19811218-****", mail);
        var link = TrackingLink().Match(mail).Value;
        Assert.StartsWith(fixture.BaseAddress.ToString().TrimEnd('/') + "/arende.html#", link);

        // The status page through the link, and a complement with a file.
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("#case-reference")).ToHaveTextAsync(reference);
        // The pause went on to EDP Future (the simulator knows Anna's personnummer): its answer is on the page.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#case-messages")).ToContainTextAsync("Din ansökan om uppehåll i avfallshämtningen",
            new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#case-status")).ToContainTextAsync("Under behandling");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#reply-text").FillAsync("Här är intyget om att huset står tomt.");
        await page.Locator("#reply-files").SetInputFilesAsync(new FilePayload { Name = "intyg.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Assertions.Expect(page.Locator("#reply-form")).ToContainTextAsync("intyg.pdf");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Ta bort") })).ToBeVisibleAsync();
        // The file uploads on its own; sending before it is done is refused with a plain message (a slow machine shows it).
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Filen intyg.pdf är uppladdad." })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.Locator("#reply-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#reply-success")).ToContainTextAsync("Tack! Ditt meddelande är skickat.");
        await Assertions.Expect(page.Locator("#case-messages")).ToContainTextAsync("Här är intyget om att huset står tomt.");
        await Assertions.Expect(page.Locator("#case-messages")).ToContainTextAsync("intyg.pdf");
        await Accessibility.AssertNoViolationsAsync(page);
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_same_form_is_sent_with_javascript_switched_off_files_included()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/e-tjanster/kontakta-kundtjanst.html");
        await Accessibility.AssertNoViolationsWithoutScriptsAsync(fixture.Browser, page);

        // A mistake first: the server answers with a page that lists it.
        await page.Locator("#f-namn").FillAsync("Bo Berg");
        await page.Locator("#f-epost").FillAsync("bo-utan-snabel-a");
        await page.Locator("#submit-button").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Några uppgifter behöver rättas");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Skriv en e-postadress som namn@exempel.se.");
        await Accessibility.AssertNoViolationsWithoutScriptsAsync(fixture.Browser, page);
        await page.GoBackAsync();

        await page.Locator("#f-namn").FillAsync("Bo Berg");
        await page.Locator("#f-epost").FillAsync("bo.berg@example.se");
        await page.Locator("#f-fraga").FillAsync("När töms återvinningsstationen vid torget?");
        await page.Locator("#f-bilaga").SetInputFilesAsync(new FilePayload { Name = "karta.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.Locator("#submit-button").ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/kvitto\.html\?arende=KC-\d{4}-\d{6}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tack! Vi har tagit emot ditt ärende");
        await Accessibility.AssertNoViolationsWithoutScriptsAsync(fixture.Browser, page);
        var reference = page.Url.Split("arende=")[1];
        var mail = await fixture.Mail.WaitForMailAsync($"[{reference}] Vi har tagit emot ditt ärende", TimeSpan.FromSeconds(60));
        Assert.Contains("karta.pdf", mail);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_tracking_link_that_opens_nothing_says_so_plainly()
    {
        var page = await fixture.Browser.NewPageAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        await page.GotoAsync("/arende.html#" + new string('A', 43));

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Vi hittar inget ärende för den här länken.");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData("/e-tjanster/")]
    [InlineData("/e-tjanster/bygglov.html")]
    [InlineData("/kvitto.html?arende=KC-2026-000001")]
    [InlineData("/tillganglighet.html")]
    public async Task Pages_fit_a_phone_screen_without_sideways_scrolling(string path)
    {
        var context = await fixture.Browser.NewContextAsync(new()
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a 360 px screen");
        await Accessibility.AssertNoViolationsAsync(page);
        await context.CloseAsync();
    }

    [GeneratedRegex(@"https?://\S+/arende\.html#[A-Za-z0-9_-]{43}")]
    private static partial Regex TrackingLink();
}
