using System.Text.RegularExpressions;
using Bollebygd.TestSupport;
using Microsoft.Playwright;
using MimeKit;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>
/// The e-mail channel through the running system, as with ./run.sh: a mail to the function mailbox kommunen@ goes
/// into smtp4dev over SMTP, LocalHost's timer polls it over IMAP, the case opens, and the receipt — an answer to the
/// citizen's mail — shows in smtp4dev's inbox; its private link opens the case, and the citizen's answer by mail
/// lands there too.
/// </summary>
[Collection(EndToEndCollection.Name)]
public partial class EmailChannelTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task A_mail_to_a_function_mailbox_becomes_a_case_with_a_receipt_and_the_answer_threads_onto_it()
    {
        var question = new MimeMessage();
        question.From.Add(new MailboxAddress("Gun Svensson", "gun.svensson@example.se"));
        question.To.Add(MailboxAddress.Parse("kommunen@bollebygd.se"));
        question.Subject = "Hål i vägen vid skolan";
        question.MessageId = $"{Guid.NewGuid():N}@example.se";
        question.Body = new TextPart("plain") { Text = "Det är ett stort hål i asfalten vid skolans infart." };
        await fixture.Mail.SendAsync(question);

        var receipt = await WithHostLogAsync(() =>
            fixture.Mail.WaitForMessageAsync("Hål i vägen vid skolan", TimeSpan.FromSeconds(60), m => m.InReplyTo == question.MessageId));
        var reference = Reference().Match(receipt.Subject ?? "").Value;
        Assert.Equal($"Sv: [{reference}] Hål i vägen vid skolan", receipt.Subject);
        Assert.Equal("kommunen@bollebygd.se", receipt.From.Mailboxes.Single().Address);
        var link = Regex.Match(receipt.TextBody ?? "", @"https?://\S+/arende\.html#[A-Za-z0-9_-]+").Value;

        var page = await fixture.Browser.NewPageAsync(new() { BaseURL = fixture.BaseAddress.ToString() });
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("#case-reference")).ToHaveTextAsync(reference);
        await Assertions.Expect(page.Locator("#case-service")).ToHaveTextAsync("Hål i vägen vid skolan");
        await Assertions.Expect(page.Locator("#case-messages")).ToContainTextAsync("Det är ett stort hål i asfalten");
        await Accessibility.AssertNoViolationsAsync(page);

        // The citizen answers the receipt from the mail program: it lands on the same case.
        var answer = new MimeMessage();
        answer.From.Add(new MailboxAddress("Gun Svensson", "gun.svensson@example.se"));
        answer.To.Add(MailboxAddress.Parse("kommunen@bollebygd.se"));
        answer.Subject = receipt.Subject!;
        answer.MessageId = $"{Guid.NewGuid():N}@example.se";
        answer.InReplyTo = receipt.MessageId;
        answer.Body = new TextPart("plain") { Text = "Hålet är ungefär en halvmeter brett." };
        await fixture.Mail.SendAsync(answer);

        await Eventually.ReturnsAsync(async () =>
        {
            await page.ReloadAsync();
            await page.Locator("#case-messages .message").First.WaitForAsync();
            return await page.Locator("#case-messages").InnerTextAsync();
        }, text => text?.Contains("Hålet är ungefär en halvmeter brett.", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(60),
            "the answer on the status page");
        await Accessibility.AssertNoViolationsAsync(page);
        // One receipt only: the answer continued the case and was not answered again.
        Assert.Single(await fixture.Mail.SubjectsAsync(), s => s.Contains(reference, StringComparison.Ordinal));
        await page.CloseAsync();
    }

    /// <summary>A timeout tells what LocalHost said about mail meanwhile.</summary>
    private async Task<T> WithHostLogAsync<T>(Func<Task<T>> wait)
    {
        try
        {
            return await wait();
        }
        catch (TimeoutException ex)
        {
            var log = fixture.Host.Output.Split(Environment.NewLine).Where(l => l.Contains("Mail", StringComparison.Ordinal)).TakeLast(40);
            throw new TimeoutException(ex.Message + Environment.NewLine + string.Join(Environment.NewLine, log), ex);
        }
    }

    [GeneratedRegex(@"KC-\d{4}-\d{6}")]
    private static partial Regex Reference();
}
