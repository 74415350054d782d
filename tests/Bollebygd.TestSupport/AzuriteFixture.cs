using System.Diagnostics;
using System.Net.Sockets;
using Xunit;

namespace Bollebygd.TestSupport;

/// <summary>
/// An Azurite for the tests. When <c>BOLLEBYGD_AZURITE_PORTS</c> names one (<c>blob,queue,table</c>, as test.sh does
/// for the whole run) it is used; otherwise this fixture starts one in memory on free ports and stops it afterwards.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string PortsVariable = "BOLLEBYGD_AZURITE_PORTS";

    /// <summary>Azurite's fixed development account; its key is public and documented, not a secret.</summary>
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    public int BlobPort { get; private set; }
    public int QueuePort { get; private set; }
    public int TablePort { get; private set; }

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{DevAccount};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{DevAccount};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{DevAccount};";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(PortsVariable) is { Length: > 0 } named)
        {
            var ports = named.Split(',').Select(int.Parse).ToArray();
            (BlobPort, QueuePort, TablePort) = (ports[0], ports[1], ports[2]);
            return;
        }

        (BlobPort, QueuePort, TablePort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var azurite = Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}: run `npm ci` in {RepositoryPaths.Root} (test.sh does).");
        }
        _process = Process.Start(new ProcessStartInfo(azurite)
        {
            ArgumentList =
            {
                "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose",
                "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
                "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
                "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        await WaitForPortsAsync(TimeSpan.FromSeconds(30), BlobPort, QueuePort, TablePort);
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        return Task.CompletedTask;
    }

    public static async Task WaitForPortsAsync(TimeSpan timeout, params int[] ports)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (true)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync("127.0.0.1", port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }
        }
    }
}
