using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bollebygd.TestSupport;

/// <summary>
/// A minimal SMTP server on loopback that accepts every message and keeps it: enough for MailKit to deliver to,
/// so tests can read what the system really sent over SMTP.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SmtpSink()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>When set, every recipient is refused for good (550), as a server does for an unknown address.</summary>
    public bool RejectRecipients { get; init; }

    /// <summary>Each message's DATA as received (headers and body), in arrival order.</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250-8BITMIME");
                        await writer.WriteLineAsync("250 SMTPUTF8");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.AppendLine(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine);
                        }
                        Messages.Enqueue(data.ToString());
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RCPT" when RejectRecipients:
                        await writer.WriteLineAsync("550 5.1.1 No such user here");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
