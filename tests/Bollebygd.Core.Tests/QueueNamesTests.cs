using Bollebygd.Core.Storage;

namespace Bollebygd.Core.Tests;

public class QueueNamesTests
{
    [Fact]
    public void Poison_queue_names_follow_the_functions_host()
    {
        Assert.Equal("audit-poison", QueueNames.PoisonOf(QueueNames.Audit));
        Assert.True(QueueNames.IsPoison("audit-poison"));
        Assert.False(QueueNames.IsPoison("audit"));
        Assert.Equal("audit", QueueNames.SourceOfPoison("audit-poison"));
    }
}
