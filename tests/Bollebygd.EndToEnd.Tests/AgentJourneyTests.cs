using System.Text.RegularExpressions;
using Bollebygd.TestSupport;
using Microsoft.Playwright;
using MimeKit;
using System.Net.Http.Json;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>
/// An agent's day through the running system: a citizen's mail arrives, the agent signs in (LocalHost's development
/// identity provider), finds the case in the group's queue, takes it, answers with a template; the citizen gets the
/// answer by mail, threaded, and sees it on the status page. Then the shortcuts: '?' and a quick registration with
/// Alt+N. axe checks every page and dialog on the way.
/// </summary>
[Collection(EndToEndCollection.Name)]
public partial class AgentJourneyTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task An_agent_takes_a_case_from_the_queue_and_answers_it_and_the_citizen_gets_the_answer()
    {
        // The citizen writes to kommunen@.
        var question = new MimeMessage();
        question.From.Add(new MailboxAddress("Maria Nilsson", "maria.nilsson@example.se"));
        question.To.Add(MailboxAddress.Parse("kommunen@bollebygd.se"));
        question.Subject = "Hej hej";
        question.MessageId = $"{Guid.NewGuid():N}@example.se";
        question.Body = new TextPart("plain") { Text = "Hej! Tack och mvh Maria" };
        await fixture.Mail.SendAsync(question);
        var receipt = await fixture.Mail.WaitForMessageAsync("Hej hej", TimeSpan.FromSeconds(60), m => m.InReplyTo == question.MessageId);
        var reference = Reference().Match(receipt.Subject ?? "").Value;
        var trackingLink = Regex.Match(receipt.TextBody ?? "", @"https?://\S+/arende\.html#[A-Za-z0-9_-]+").Value;

        // The agent signs in.
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/agent/");
        await Assertions.Expect(page.Locator("#view-signin")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#signin-button").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/\.dev-identity/authorize\?"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Logga in i utvecklingsläge");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#user-anna").CheckAsync();
        await page.Locator("#dev-login-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#agent-user")).ToHaveTextAsync("Inloggad som Anna Andersson");
        Assert.DoesNotContain("code=", page.Url); // the one-time code leaves the address bar at once

        // kommunen@ is general and the router cannot tell what this is about: the case waits in Triage.
        await page.Locator("#queue-group").SelectOptionAsync("triage");
        await page.Locator("#queue-view").SelectOptionAsync("unassigned");
        var row = page.Locator("#queue-rows tr", new() { HasText = reference });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await row.Locator("a").ClickAsync();

        // The case card: take it, answer with a template.
        await Assertions.Expect(page.Locator("#case-title")).ToContainTextAsync(reference);
        await Assertions.Expect(page.Locator("#case-timeline")).ToContainTextAsync("Tack och mvh Maria");
        await Assertions.Expect(page.Locator("#case-timeline")).ToContainTextAsync("ärendet ligger i Triage");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#case-claim").ClickAsync();
        await Assertions.Expect(page.Locator("#agent-message")).ToHaveTextAsync("Du är nu handläggare för ärendet.");
        await Assertions.Expect(page.Locator("#case-facts")).ToContainTextAsync("Anna Andersson");
        // The knowledge base: an internal article on opening hours, put into the reply.
        await page.Locator("#knowledge-query").FillAsync("öppettider telefon");
        await page.Locator("#knowledge-submit").ClickAsync();
        var article = page.Locator("#knowledge-results li", new() { HasText = "svarstider" });
        await Assertions.Expect(article).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await article.Locator("button").ClickAsync();
        await Assertions.Expect(page.Locator("#reply-text")).ToHaveValueAsync(new Regex("Kundtjänst svarar i telefon"));
        await page.Locator("#reply-text").FillAsync("");
        await page.Locator("#reply-template").SelectOptionAsync(new SelectOptionValue { Label = "Ärendet är klart" });
        await page.Locator("#reply-text").PressAsync("Home");
        await page.Locator("#reply-text").FillAsync("Biblioteket har öppet 10–14 den 23 december och är stängt 24–26 december.\n\n" +
            await page.Locator("#reply-text").InputValueAsync());
        await page.Locator("#reply-send").ClickAsync();
        await Assertions.Expect(page.Locator("#agent-message")).ToHaveTextAsync("Svaret är skickat.");
        await Assertions.Expect(page.Locator("#case-timeline")).ToContainTextAsync("Biblioteket har öppet 10–14");
        await Accessibility.AssertNoViolationsAsync(page);

        // The citizen gets the answer as a reply to their own mail, and sees it on the status page.
        var answer = await fixture.Mail.WaitForMessageAsync($"Sv: [{reference}]", TimeSpan.FromSeconds(60),
            m => m.TextBody?.Contains("Biblioteket har öppet 10–14") == true);
        Assert.Equal(question.MessageId, answer.InReplyTo);
        Assert.Equal("kommunen@bollebygd.se", answer.From.Mailboxes.Single().Address);
        var citizen = await context.NewPageAsync();
        await citizen.GotoAsync(trackingLink);
        await Assertions.Expect(citizen.Locator("#case-messages")).ToContainTextAsync("Biblioteket har öppet 10–14");
        await citizen.CloseAsync();

        // Shortcuts: '?' lists them; Alt+N registers a phone call, saved and closed.
        await page.Locator("#case-title").FocusAsync();
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#help-dialog")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#help-dialog")).ToBeHiddenAsync();
        await page.Keyboard.PressAsync("Alt+n");
        await Assertions.Expect(page.Locator("#register-dialog")).ToBeVisibleAsync();
        await page.Locator("#register-close").ClickAsync(); // nothing filled in: the fields are named
        await Assertions.Expect(page.Locator("#register-errors")).ToContainTextAsync("Skriv vem som hörde av sig.");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Locator("#register-name").FillAsync("Olle Olsson");
        await page.Locator("#register-subject").FillAsync("Fråga om parkering");
        await page.Locator("#register-text").FillAsync("Frågade var man får parkera vid stationen. Svarade: infartsparkeringen.");
        await page.Locator("#register-text").BlurAsync(); // the router proposes a group
        await Assertions.Expect(page.Locator("#register-suggestion")).ToContainTextAsync("Förslag från fördelningsmotorn: Gata och trafik");
        await Assertions.Expect(page.Locator("#register-group")).ToHaveValueAsync("gata-trafik");
        await page.Locator("#register-close").ClickAsync();
        await Assertions.Expect(page.Locator("#agent-message")).ToContainTextAsync("och avslutat");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Public_articles_show_as_common_questions_beside_their_e_service()
    {
        var page = await fixture.Browser.NewPageAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        await page.GotoAsync("/e-tjanster/uppehall-i-avfallshamtning.html");

        await Assertions.Expect(page.Locator("#faq")).ToBeVisibleAsync();
        await page.Locator("#faq summary", new() { HasText = "Hur ansöker jag om uppehåll i sophämtningen?" }).ClickAsync();
        await Assertions.Expect(page.Locator("#faq")).ToContainTextAsync("minst sex månader");
        await Assertions.Expect(page.Locator("#faq")).Not.ToContainTextAsync("vidarekoppling"); // internal articles stay internal
        await Accessibility.AssertNoViolationsAsync(page);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_lead_marks_a_case_secret_reads_its_log_and_writes_a_knowledge_base_article()
    {
        // A phone call Anna registered in kundtjänst.
        using var register = new HttpRequestMessage(HttpMethod.Post, "/api/staff/cases")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                registrationId = Guid.NewGuid().ToString(), channel = "phone", name = "Per Persson", subject = "Känslig fråga",
                text = "Ville prata om en granne.", group = "kundtjanst", close = false,
            }),
        };
        register.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await fixture.StaffTokenAsync("anna"));
        var created = await (await fixture.Http.SendAsync(register)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var caseId = created.GetProperty("id").GetString();
        // Sven works in another group: the case is not his to read.
        using var foreign = new HttpRequestMessage(HttpMethod.Get, $"/api/staff/cases/{caseId}");
        foreign.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await fixture.StaffTokenAsync("sven"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await fixture.Http.SendAsync(foreign)).StatusCode);

        var page = await fixture.Browser.NewPageAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        await SignedInAsync(page, "lena");
        await page.GotoAsync("/agent/");
        await Assertions.Expect(page.Locator("#agent-user")).ToHaveTextAsync("Inloggad som Lena Larsson");
        await page.GotoAsync($"/agent/#/arende/{caseId}");
        await Assertions.Expect(page.Locator("#case-title")).ToContainTextAsync("Känslig fråga");
        await page.Locator("#change-secret").CheckAsync();
        await page.Locator("#change-save").ClickAsync();
        await Assertions.Expect(page.Locator("#agent-message")).ToHaveTextAsync("Ändringarna är sparade.");
        await Assertions.Expect(page.Locator("#case-timeline")).ToContainTextAsync("Sekretessmarkerat.");

        // A copy "för kännedom" to the water group: the case stays, the timeline says so.
        await page.Locator("#escalate-group").SelectOptionAsync("va-renhallning");
        await page.Locator("#escalate-note").FillAsync("Kan gälla en vattenläcka.");
        await page.Locator("#escalate-copy").CheckAsync();
        await page.Locator("#escalate-send").ClickAsync();
        await Assertions.Expect(page.Locator("#agent-message")).ToHaveTextAsync("Vatten, avlopp och renhållning har fått ärendet för kännedom.");
        await Assertions.Expect(page.Locator("#case-timeline")).ToContainTextAsync("För kännedom till Vatten, avlopp och renhållning.");
        await Eventually.ReturnsAsync(async () =>
        {
            await page.Locator("#case-audit-show").ClickAsync();
            return await page.Locator("#case-audit-list").InnerTextAsync();
        }, text => text?.Contains("case.change") == true, TimeSpan.FromSeconds(30), "the change in the case's log");
        await Accessibility.AssertNoViolationsAsync(page);

        // The knowledge base: a new public article for an e-service.
        await page.Locator("#nav-knowledge").ClickAsync();
        await Assertions.Expect(page.Locator("#knowledge-admin-title")).ToBeVisibleAsync();
        var id = "grovsopor-" + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#article-id").FillAsync(id);
        await page.Locator("#article-title").FillAsync("Hur blir jag av med grovsopor?");
        await page.Locator("#article-body").FillAsync("Lämna grovsopor på återvinningscentralen. Du behöver ett **återvinningskort**.");
        await page.Locator("#article-category").FillAsync("Avfall och återvinning");
        await page.Locator("#article-keywords").FillAsync("grovsopor, grovavfall");
        await page.Locator("#article-services").FillAsync("atervinningskort");
        await page.Locator("#article-public").CheckAsync();
        await page.Locator("#article-save").ClickAsync();
        await Assertions.Expect(page.Locator("#agent-message")).ToContainTextAsync("är sparad");
        await Assertions.Expect(page.Locator("#knowledge-admin-list")).ToContainTextAsync("Hur blir jag av med grovsopor?");
        await Accessibility.AssertNoViolationsAsync(page);

        var citizen = await fixture.Browser.NewPageAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        await citizen.GotoAsync("/e-tjanster/atervinningskort.html");
        await Assertions.Expect(citizen.Locator("#faq")).ToContainTextAsync("Hur blir jag av med grovsopor?");
        await citizen.CloseAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_workspace_fits_a_phone()
    {
        var context = await fixture.Browser.NewContextAsync(new()
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await SignedInAsync(page, "lena");
        await page.GotoAsync("/agent/");
        await Assertions.Expect(page.Locator("#agent-user")).ToHaveTextAsync("Inloggad som Lena Larsson");
        await Assertions.Expect(page.Locator("#queue-caption")).ToContainTextAsync("ärenden");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the queue is {overflow} px wider than a 360 px screen");
        await Accessibility.AssertNoViolationsAsync(page);
        await context.CloseAsync();
    }

    /// <summary>The page starts with a token in its session, as after the sign-in the journey test walks through.</summary>
    private async Task SignedInAsync(IPage page, string user) =>
        await page.AddInitScriptAsync($"sessionStorage.setItem('kontaktcenter.staffToken', '{await fixture.StaffTokenAsync(user)}');");

    [GeneratedRegex(@"KC-\d{4}-\d{6}")]
    private static partial Regex Reference();
}
