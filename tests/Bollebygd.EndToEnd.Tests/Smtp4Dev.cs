using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Bollebygd.TestSupport;

namespace Bollebygd.EndToEnd.Tests;

/// <summary>
/// smtp4dev (the dotnet tool in .config/dotnet-tools.json) on free ports with an in-memory store: the mail inbox the
/// end-to-end tests read receipts from, through its web API.
/// </summary>
public sealed class Smtp4Dev : IAsyncDisposable
{
    private readonly Process _process;

    private Smtp4Dev(Process process, int smtpPort, Uri web)
    {
        _process = process;
        SmtpPort = smtpPort;
        Web = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; }

    public HttpClient Web { get; }

    public static async Task<Smtp4Dev> StartAsync()
    {
        var (smtp, imap, web) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "tool", "run", "smtp4dev", "--", $"--smtpport={smtp}", $"--imapport={imap}", "--pop3port=", $"--urls=http://127.0.0.1:{web}", "--db=", "--hostname=localhost" },
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var inbox = new Smtp4Dev(process, smtp, new Uri($"http://127.0.0.1:{web}"));
        await AzuriteFixture.WaitForPortsAsync(TimeSpan.FromSeconds(60), smtp, web);
        return inbox;
    }

    /// <summary>Waits for a mail whose subject contains the text, and returns its plain-text body.</summary>
    public async Task<string> WaitForMailAsync(string subjectContains, TimeSpan timeout)
    {
        var id = await Eventually.ReturnsAsync(async () =>
        {
            var page = await Web.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=200");
            var list = page.ValueKind == JsonValueKind.Array ? page : page.GetProperty("results");
            return list.EnumerateArray()
                .Where(m => m.GetProperty("subject").GetString()?.Contains(subjectContains, StringComparison.Ordinal) == true)
                .Select(m => m.GetProperty("id").GetString())
                .FirstOrDefault();
        }, found => found is not null, timeout, $"a mail about '{subjectContains}' in smtp4dev");
        return await Web.GetStringAsync($"/api/messages/{id}/plaintext");
    }

    public async ValueTask DisposeAsync()
    {
        Web.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
