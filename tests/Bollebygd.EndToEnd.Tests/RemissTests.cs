using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>
/// A remiss through the running system: the officer sends it from the case card (field errors first), the contractor
/// gets the mail in smtp4dev, opens the signed link without any account, reads the question and answers with a file;
/// the answer is on the case. axe checks the card and the remiss page.
/// </summary>
[Collection(EndToEndCollection.Name)]
public partial class RemissTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task An_officer_sends_a_remiss_and_the_contractor_answers_it_through_the_link_with_a_file()
    {
        using var http = await fixture.StaffClientAsync("anna");
        var registered = await http.PostAsJsonAsync("/api/staff/cases", new
        {
            registrationId = Guid.NewGuid().ToString(),
            channel = "phone",
            name = "Per Holm",
            subject = "Dagvattenbrunn svämmar över",
            text = "Brunnen vid Hultavägen 3 svämmar över när det regnar.",
            group = "kundtjanst",
            close = false,
        });
        var card = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var caseId = card.GetProperty("id").GetString()!;
        var reference = card.GetProperty("reference").GetString()!;

        // Anna opens the case and sends the remiss; a bad address is pointed out first.
        var staff = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        var page = await staff.NewPageAsync();
        await page.GotoAsync($"/agent/#/arende/{caseId}");
        await page.Locator("#signin-button").ClickAsync();
        await page.Locator("#user-anna").CheckAsync();
        await page.Locator("#dev-login-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#case-title")).ToContainTextAsync(reference);
        await Assertions.Expect(page.Locator("#remiss-extract")).ToHaveValueAsync(new Regex("Hultavägen 3"));
        await page.Locator("#remiss-name").FillAsync("Brunnsservice AB");
        await page.Locator("#remiss-email").FillAsync("brunnsservice.example.se");
        await page.Locator("#remiss-question").FillAsync("Kan ni rensa brunnen vid Hultavägen 3 den här veckan?");
        await page.Locator("#remiss-send").ClickAsync();
        await Assertions.Expect(page.Locator("#remiss-email-error")).ToContainTextAsync("giltig e-postadress");
        await Assertions.Expect(page.Locator("#remiss-email")).ToBeFocusedAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#remiss-email").FillAsync("drift@brunnsservice.example.se");
        await page.Locator("#remiss-send").ClickAsync();
        await Assertions.Expect(page.Locator("#agent-message")).ToHaveTextAsync("Remissen är skickad till Brunnsservice AB.");
        await Assertions.Expect(page.Locator("#case-facts")).ToContainTextAsync("väntar på remissvar");
        await Assertions.Expect(page.Locator("#case-timeline")).ToContainTextAsync("Remiss till Brunnsservice AB");

        // The contractor's mail, and the page behind its link: no account needed.
        var mail = await fixture.Mail.WaitForMessageAsync(reference, TimeSpan.FromSeconds(60),
            m => m.To.Mailboxes.Any(a => a.Address == "drift@brunnsservice.example.se"));
        Assert.Contains("Remiss från Bollebygds kommun", mail.Subject);
        var link = RemissLink().Match(mail.TextBody ?? "").Value;
        Assert.NotEmpty(link);
        var outside = await fixture.Browser.NewContextAsync();
        var contractor = await outside.NewPageAsync();
        await contractor.GotoAsync(link);
        await Assertions.Expect(contractor.Locator("#remiss-question")).ToHaveTextAsync("Kan ni rensa brunnen vid Hultavägen 3 den här veckan?");
        await Assertions.Expect(contractor.Locator("#remiss-reference")).ToHaveTextAsync(reference);
        await Assertions.Expect(contractor.Locator("#remiss-extract")).ToContainTextAsync("Hultavägen 3");
        await Accessibility.AssertNoViolationsAsync(contractor);

        // An empty answer is refused on the spot; then an answer with a file.
        await contractor.Locator("#answer-submit").ClickAsync();
        await Assertions.Expect(contractor.Locator("#answer-text-fel")).ToContainTextAsync("Skriv ett meddelande");
        await contractor.Locator("#answer-files").SetInputFilesAsync(new FilePayload
        {
            Name = "tidsplan.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray(),
        });
        // The file uploads on its own; wait until it has (a loaded machine is slow).
        await Assertions.Expect(contractor.Locator("#answer-file-list")).ToContainTextAsync("tidsplan.pdf (", new() { Timeout = 30_000 });
        await contractor.Locator("#answer-text").FillAsync("Vi rensar brunnen på torsdag förmiddag.");
        await contractor.Locator("#answer-submit").ClickAsync();
        await Assertions.Expect(contractor.Locator("#remiss-done")).ToBeVisibleAsync();
        await Assertions.Expect(contractor.Locator("#remiss-answer")).ToBeHiddenAsync();
        await Accessibility.AssertNoViolationsAsync(contractor);

        // Back on the case: the answer, its file, and the case is moving again.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#case-timeline")).ToContainTextAsync("Vi rensar brunnen på torsdag förmiddag.");
        await Assertions.Expect(page.Locator("#case-timeline")).ToContainTextAsync("Brunnsservice AB (remissvar)");
        await Assertions.Expect(page.Locator("#case-timeline")).ToContainTextAsync("tidsplan.pdf");
        await Assertions.Expect(page.Locator("#case-facts")).ToContainTextAsync("under behandling");
        await outside.CloseAsync();
        await staff.CloseAsync();
    }

    [GeneratedRegex(@"https?://\S+/remiss\.html#[A-Za-z0-9_.-]+")]
    private static partial Regex RemissLink();
}
