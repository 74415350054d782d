using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>
/// The SLA workflow through the running system: a case put in a category with a policy of minutes gets a reminder
/// to its assignee in smtp4dev, sent in business time, whose link opens the case card after signing in, where the
/// SLA is shown.
/// </summary>
[Collection(EndToEndCollection.Name)]
public partial class SlaReminderTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task A_case_due_in_minutes_reminds_its_assignee_by_mail_with_a_link_that_opens_the_case()
    {
        using var http = await fixture.StaffClientAsync("anna");
        // Signing in (the agent app asks who you are) puts Anna's address in the staff directory.
        var me = await http.GetFromJsonAsync<JsonElement>("/api/staff/me");
        var annaEmail = me.GetProperty("email").GetString()!;

        var registered = await http.PostAsJsonAsync("/api/staff/cases", new
        {
            registrationId = Guid.NewGuid().ToString(),
            channel = "phone",
            name = "Karin Berg",
            phone = "0701234567",
            subject = "Fråga om bygglov för altan",
            text = "Karin ringde och frågar om hon behöver bygglov för en altan.",
            group = "kundtjanst",
            close = false,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, registered.StatusCode);
        var card = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var caseId = card.GetProperty("id").GetString()!;
        var reference = card.GetProperty("reference").GetString()!;
        var change = new HttpRequestMessage(HttpMethod.Patch, $"/api/staff/cases/{caseId}")
        {
            Content = JsonContent.Create(new { category = LocalHostFixture.MinutesCategory }),
        };
        change.Headers.TryAddWithoutValidation("If-Match", card.GetProperty("etag").GetString());
        Assert.True((await http.SendAsync(change)).IsSuccessStatusCode);

        // Half of the minute's budget later the reminder is in the inbox.
        var reminder = await fixture.Mail.WaitForMessageAsync(reference, TimeSpan.FromSeconds(120),
            m => (m.Subject ?? "").Contains("Påminnelse") && m.To.Mailboxes.Any(a => a.Address == annaEmail));
        Assert.Contains("första svar", reminder.Subject);
        Assert.Equal("auto-generated", reminder.Headers["Auto-Submitted"]);
        var link = LinkToCase().Match(reminder.TextBody ?? "").Value;
        Assert.EndsWith($"/agent/#/arende/{caseId}", link);

        // The link opens the case once Anna has signed in.
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("#view-signin")).ToBeVisibleAsync();
        await page.Locator("#signin-button").ClickAsync();
        // The sign-in page of the identity provider (a loaded machine can take its time to get there).
        await Assertions.Expect(page.Locator("#user-anna")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Contains("/.dev-identity/authorize", page.Url);
        await page.Locator("#user-anna").CheckAsync();
        await page.Locator("#dev-login-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#case-title")).ToContainTextAsync(reference);
        Assert.EndsWith($"#/arende/{caseId}", page.Url);
        await Assertions.Expect(page.Locator("#case-facts")).ToContainTextAsync("första svar");
        await Assertions.Expect(page.Locator("#case-timeline")).ToContainTextAsync("Påminnelse: ärendet ska ha fått ett första svar senast");
        await Accessibility.AssertNoViolationsAsync(page);

        // Past the minute Anna is told the target was missed, and the card and the list say so.
        await fixture.Mail.WaitForMessageAsync(reference, TimeSpan.FromSeconds(120),
            m => (m.Subject ?? "").Contains("Tidsgränsen för första svar har passerats") && m.To.Mailboxes.Any(a => a.Address == annaEmail));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#case-facts .agent-sla--breached")).ToContainTextAsync("Försenat");
        await page.Locator("#case-back").ClickAsync();
        await page.Locator("#queue-view").SelectOptionAsync("mine");
        var row = page.Locator("#queue-rows tr", new() { HasText = reference });
        await Assertions.Expect(row.Locator(".agent-sla--breached")).ToContainTextAsync("Försenat");
        await Accessibility.AssertNoViolationsAsync(page);
        await context.CloseAsync();
    }

    [GeneratedRegex(@"https?://\S+/agent/#/arende/[A-Za-z0-9-]+")]
    private static partial Regex LinkToCase();
}
