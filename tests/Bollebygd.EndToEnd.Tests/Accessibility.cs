using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Bollebygd.EndToEnd.Tests;

public static class Accessibility
{
    /// <summary>Runs axe (WCAG 2.0/2.1 A and AA, and best practice) on the page as it is now.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        Assert.NotEmpty(result.Passes); // axe really ran its rules on this page
        Assert.True(result.Violations.Length == 0, page.Url + Environment.NewLine +
            string.Join(Environment.NewLine, result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    /// <summary>
    /// axe needs JavaScript, so a page seen with JavaScript off is checked as a copy: its HTML, served at the same
    /// origin in a browser context where the page's own scripts are blocked, so it stays as the citizen saw it.
    /// </summary>
    public static async Task AssertNoViolationsWithoutScriptsAsync(IBrowser browser, IPage pageWithoutJavaScript)
    {
        var html = await pageWithoutJavaScript.ContentAsync();
        var origin = new Uri(pageWithoutJavaScript.Url).GetLeftPart(UriPartial.Authority);
        await using var context = await browser.NewContextAsync(new() { BaseURL = origin });
        await context.RouteAsync(new System.Text.RegularExpressions.Regex(@"\.m?js(\?|$)"), route => route.AbortAsync());
        await context.RouteAsync("**/__no-script-copy", route => route.FulfillAsync(new() { Body = html, ContentType = "text/html; charset=utf-8" }));
        var copy = await context.NewPageAsync();
        await copy.GotoAsync("/__no-script-copy");
        await AssertNoViolationsAsync(copy);
    }
}
