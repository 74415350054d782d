using Bollebygd.TestSupport;

namespace Bollebygd.Functions.Tests.Mail;

/// <summary>One smtp4dev (SMTP + IMAP, the sample settings' function mailboxes) for a test class.</summary>
public sealed class Smtp4DevFixture : IAsyncLifetime
{
    public Smtp4Dev Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await Smtp4Dev.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
