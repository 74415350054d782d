using Bollebygd.Core.Cases;
using Bollebygd.Core.Mail;

namespace Bollebygd.Core.Tests.Cases;

public class CaseReplyMailTests
{
    private static readonly FunctionMailbox Va = new("va", "va@bollebygd.se", "Vatten och avfall", "va-renhallning");
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private const string CaseId = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void A_reply_answers_the_citizens_latest_mail_and_references_the_thread_without_auto_replies_or_others()
    {
        var receipt = MessageIds.For("receipt", CaseId);
        var record = Record(Channel.Email, "Brunt vatten",
            Entry("received", "<q1@example.se>", TimelineEntryKind.Received), Entry("sent-receipt", receipt),
            Entry("mail-1", "<q2@example.se>", TimelineEntryKind.CitizenMessage), Entry("note", null),
            Entry("mail-2", "<autosvar@example.se>"), Entry("mail-3", "<granne@example.se>", TimelineEntryKind.OtherPartyMessage));

        var mail = CaseReplyService.Mail(record, "r-0001-abcd", "Vi spolar ledningen i dag.", Va);

        Assert.Equal("<q2@example.se>", mail.InReplyTo);
        Assert.Equal(["<q1@example.se>", receipt, "<q2@example.se>"], mail.References);
        Assert.Equal("Sv: [KC-2026-000042] Brunt vatten", mail.Subject);
        Assert.Equal(new MailContact("va@bollebygd.se", "Vatten och avfall"), mail.From);
        Assert.Equal("eva@example.se", mail.To.Address);
        Assert.Equal(MessageIds.For("reply-r-0001-abcd", CaseId), mail.MessageId);
        Assert.False(mail.IsAutomatic);
        Assert.Contains("Vi spolar ledningen i dag.", mail.TextBody);
        Assert.Contains("KC-2026-000042", mail.TextBody);
    }

    [Fact]
    public void A_reply_on_a_web_case_answers_the_receipt()
    {
        var receipt = MessageIds.For("receipt", CaseId);
        var record = Record(Channel.Web, "Uppehåll i avfallshämtning", Entry("received", null, TimelineEntryKind.Received), Entry("sent-receipt", receipt));

        var mail = CaseReplyService.Mail(record, "r-0002-abcd", "Beviljat.", Va);

        Assert.Equal(receipt, mail.InReplyTo);
        Assert.Equal("[KC-2026-000042] Svar på ditt ärende: Uppehåll i avfallshämtning", mail.Subject);
    }

    private static TimelineEntry Entry(string id, string? messageId, TimelineEntryKind kind = TimelineEntryKind.Event) =>
        new(id, Now, kind, "system", id, [], messageId);

    private static CaseRecord Record(Channel channel, string title, params TimelineEntry[] timeline) =>
        new(new Case(CaseId, new CaseReference(2026, 42), channel, null, null, title, "va-renhallning", CaseStatus.InProgress, Now,
            [new Party(Party.Applicant, "Eva", "eva@example.se", null, null)], null), timeline);
}
