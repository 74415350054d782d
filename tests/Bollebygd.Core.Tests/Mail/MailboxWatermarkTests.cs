using Bollebygd.Core.Mail;

namespace Bollebygd.Core.Tests.Mail;

public class MailboxWatermarkTests
{
    [Fact]
    public void A_folder_with_a_new_uidvalidity_is_read_from_the_start()
    {
        var mark = new MailboxWatermark(1234, 57);

        Assert.Equal(57u, mark.LastUidFor(1234, 58));
        Assert.Equal(57u, mark.LastUidFor(1234, null));
        Assert.Equal(0u, mark.LastUidFor(9999, 58));
        Assert.Equal(0u, MailboxWatermark.None.LastUidFor(1234, 3));
    }

    [Fact]
    public void A_folder_whose_uids_started_over_under_the_same_uidvalidity_is_read_from_the_start()
    {
        var mark = new MailboxWatermark(1234, 57);

        Assert.Equal(0u, mark.LastUidFor(1234, 57));
        Assert.Equal(0u, mark.LastUidFor(1234, 2));
    }
}
