using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Bollebygd.TestSupport;

/// <summary>
/// smtp4dev (the dotnet tool in .config/dotnet-tools.json) on free ports with an in-memory store: SMTP in, IMAP for
/// the function mailboxes (one smtp4dev mailbox and IMAP user each, so a poller sees only its own mail, as with a
/// real server), and the web API the tests read the citizens' inbox (smtp4dev's Default mailbox) through.
/// </summary>
public sealed class Smtp4Dev : IAsyncDisposable
{
    private readonly Process _process;

    private Smtp4Dev(Process process, int smtpPort, int imapPort, Uri web)
    {
        _process = process;
        SmtpPort = smtpPort;
        ImapPort = imapPort;
        Web = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; }

    public int ImapPort { get; }

    public HttpClient Web { get; }

    /// <summary>
    /// Starts smtp4dev with the function mailboxes of a settings file (by default local.settings.sample.json), set up
    /// by scripts/smtp4dev-mailboxes.mjs exactly as ./run.sh does it.
    /// </summary>
    public static async Task<Smtp4Dev> StartAsync(string? settingsFile = null)
    {
        var (smtp, imap, web) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "tool", "run", "smtp4dev", "--", $"--smtpport={smtp}", $"--imapport={imap}", "--pop3port=", $"--urls=http://127.0.0.1:{web}", "--db=", "--hostname=localhost" },
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var line in await MailboxSetupAsync(settingsFile ?? Path.Combine(RepositoryPaths.Root, "local.settings.sample.json")))
        {
            if (line.StartsWith("--", StringComparison.Ordinal))
            {
                start.ArgumentList.Add(line);
            }
            else if (line.Split('=', 2) is [var name, var value])
            {
                start.Environment[name] = value;
            }
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var inbox = new Smtp4Dev(process, smtp, imap, new Uri($"http://127.0.0.1:{web}"));
        await AzuriteFixture.WaitForPortsAsync(TimeSpan.FromSeconds(60), smtp, imap, web);
        return inbox;
    }

    /// <summary>Waits for a mail whose subject contains the text, and returns its plain-text body.</summary>
    public async Task<string> WaitForMailAsync(string subjectContains, TimeSpan timeout)
    {
        var id = await WaitForIdAsync(subjectContains, timeout);
        return await Web.GetStringAsync($"/api/messages/{id}/plaintext");
    }

    /// <summary>
    /// Waits for a mail in the citizens' inbox whose subject contains the text (and that satisfies the condition, when
    /// one is given), and returns it whole.
    /// </summary>
    public Task<MimeMessage> WaitForMessageAsync(string subjectContains, TimeSpan timeout, Func<MimeMessage, bool>? condition = null) =>
        Eventually.ReturnsAsync(async () =>
        {
            foreach (var id in await IdsAsync(subjectContains))
            {
                await using var raw = await Web.GetStreamAsync($"/api/messages/{id}/raw");
                var message = await MimeMessage.LoadAsync(raw);
                if (condition?.Invoke(message) ?? true)
                {
                    return message;
                }
            }
            return null;
        }, found => found is not null, timeout, $"a mail about '{subjectContains}' in smtp4dev");

    /// <summary>The subjects of the mail in the citizens' inbox (smtp4dev's Default mailbox), newest first.</summary>
    public async Task<IReadOnlyList<string>> SubjectsAsync()
    {
        var page = await Web.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=500");
        var list = page.ValueKind == JsonValueKind.Array ? page : page.GetProperty("results");
        return list.EnumerateArray().Select(m => m.GetProperty("subject").GetString() ?? "").ToList();
    }

    /// <summary>Hands a message to smtp4dev's SMTP server, as a citizen's mail program would.</summary>
    public async Task SendAsync(MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", SmtpPort, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    /// <summary>
    /// Hands raw text to smtp4dev's SMTP server byte for byte, speaking SMTP by hand: for messages no mail program
    /// would write (a parser would repair them on the way).
    /// </summary>
    public async Task SendRawAsync(string from, string to, string raw)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync("127.0.0.1", SmtpPort);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
        await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        async Task ExpectAsync(string code)
        {
            string? line;
            do
            {
                line = await reader.ReadLineAsync() ?? throw new IOException("smtp4dev closed the connection");
            }
            while (line.Length > 3 && line[3] == '-');
            if (!line.StartsWith(code, StringComparison.Ordinal))
            {
                throw new IOException($"smtp4dev answered '{line}', expected {code}");
            }
        }
        await ExpectAsync("220");
        foreach (var (command, code) in new[] { ("EHLO test", "250"), ($"MAIL FROM:<{from}>", "250"), ($"RCPT TO:<{to}>", "250"), ("DATA", "354") })
        {
            await writer.WriteLineAsync(command);
            await ExpectAsync(code);
        }
        foreach (var line in raw.Replace("\r\n", "\n").Split('\n'))
        {
            await writer.WriteLineAsync(line.StartsWith('.') ? "." + line : line);
        }
        await writer.WriteLineAsync(".");
        await ExpectAsync("250");
        await writer.WriteLineAsync("QUIT");
    }

    private async Task<string> WaitForIdAsync(string subjectContains, TimeSpan timeout) =>
        (await Eventually.ReturnsAsync(async () => (await IdsAsync(subjectContains)).FirstOrDefault(),
            found => found is not null, timeout, $"a mail about '{subjectContains}' in smtp4dev"))!;

    private async Task<List<string>> IdsAsync(string subjectContains)
    {
        var page = await Web.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=500");
        var list = page.ValueKind == JsonValueKind.Array ? page : page.GetProperty("results");
        return list.EnumerateArray()
            .Where(m => m.GetProperty("subject").GetString()?.Contains(subjectContains, StringComparison.Ordinal) == true)
            .Select(m => m.GetProperty("id").GetString()!)
            .ToList();
    }

    private static async Task<string[]> MailboxSetupAsync(string settingsFile)
    {
        using var node = Process.Start(new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(RepositoryPaths.Root, "scripts", "smtp4dev-mailboxes.mjs"), settingsFile },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var output = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/smtp4dev-mailboxes.mjs failed with exit code {node.ExitCode}.");
        }
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
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
