using Microsoft.Playwright;

namespace Bollebygd.EndToEnd.Tests;

public static class Browsers
{
    /// <summary>
    /// Debian's Chromium (never a browser Playwright downloads), headless, with the flags that keep it from reaching
    /// for the network on its own.
    /// </summary>
    public static BrowserTypeLaunchOptions ChromiumOptions() => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
        ],
    };
}
