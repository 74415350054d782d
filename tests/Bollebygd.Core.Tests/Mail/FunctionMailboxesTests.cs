using Bollebygd.Core.Mail;

namespace Bollebygd.Core.Tests.Mail;

public class FunctionMailboxesTests
{
    private static readonly FunctionMailbox Kommunen = new("kommunen", "kommunen@bollebygd.se", "Bollebygds kommun", "kundtjanst");
    private static readonly FunctionMailbox Va = new("va", "va@bollebygd.se", "Vatten och avfall", "va-renhallning");
    private static readonly FunctionMailbox Fallback = new("default", "kontakt@bollebygd.se", "Bollebygds kommun", "kundtjanst");

    [Fact]
    public void A_case_mails_from_its_own_mailbox_then_its_groups_then_the_default()
    {
        var mailboxes = new FunctionMailboxes([Kommunen, Va], Fallback);

        Assert.Equal(Va, mailboxes.ForCase("VA@bollebygd.se", "kundtjanst"));
        Assert.Equal(Va, mailboxes.ForCase(null, "va-renhallning"));
        Assert.Equal(Kommunen, mailboxes.ForCase(null, "bygg-miljo"));
        Assert.Equal(Kommunen, mailboxes.Default);
    }

    [Fact]
    public void Without_configured_mailboxes_the_fallback_is_used()
    {
        var mailboxes = new FunctionMailboxes([], Fallback);

        Assert.Equal(Fallback, mailboxes.ForCase(null, "va-renhallning"));
        Assert.True(mailboxes.IsFunctionAddress("Kontakt@Bollebygd.se"));
        Assert.False(mailboxes.IsFunctionAddress("anna@example.se"));
        Assert.Null(mailboxes.Find("va"));
    }
}
