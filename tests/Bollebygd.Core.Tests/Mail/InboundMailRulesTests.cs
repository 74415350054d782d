using Bollebygd.Core.Cases;
using Bollebygd.Core.Mail;

namespace Bollebygd.Core.Tests.Mail;

public class InboundMailRulesTests
{
    private static InboundMailHeaders Mail(
        string? messageId = "<abc@example.se>", string? subject = "Fråga", string? returnPath = "<anna@example.se>",
        string? autoSubmitted = null, string? precedence = null, string? contentType = "text/plain", bool autoReplyHeader = false,
        params string[] references) =>
        new(messageId, subject, returnPath, autoSubmitted, precedence, contentType, autoReplyHeader, references);

    [Fact]
    public void A_person_writing_is_personal()
    {
        Assert.Equal(InboundMailKind.Personal, InboundMailRules.Classify(Mail()));
        Assert.Equal(InboundMailKind.Personal, InboundMailRules.Classify(Mail(autoSubmitted: "no")));
        Assert.Equal(InboundMailKind.Personal, InboundMailRules.Classify(Mail(returnPath: null)));
    }

    [Theory]
    [InlineData("auto-replied", null, false)]
    [InlineData("auto-generated", null, false)]
    [InlineData(null, "bulk", false)]
    [InlineData(null, "auto_reply", false)]
    [InlineData(null, "list", false)]
    [InlineData(null, null, true)]
    public void Auto_replies_out_of_office_and_list_mail_are_automatic(string? autoSubmitted, string? precedence, bool autoReplyHeader)
    {
        Assert.Equal(InboundMailKind.Automatic, InboundMailRules.Classify(Mail(autoSubmitted: autoSubmitted, precedence: precedence, autoReplyHeader: autoReplyHeader)));
    }

    [Fact]
    public void Bounces_are_recognised_by_an_empty_return_path_or_a_delivery_status_report()
    {
        Assert.Equal(InboundMailKind.Bounce, InboundMailRules.Classify(Mail(returnPath: "<>")));
        Assert.Equal(InboundMailKind.Bounce, InboundMailRules.Classify(Mail(contentType: "multipart/report; report-type=delivery-status; boundary=x")));
    }

    [Fact]
    public void Our_own_mail_is_never_taken_for_a_citizens()
    {
        var caseId = Guid.NewGuid().ToString("N");
        Assert.Equal(InboundMailKind.Ours, InboundMailRules.Classify(Mail(messageId: MessageIds.For("receipt", caseId))));
    }

    [Theory]
    [InlineData("Sv: [KC-2026-000123] Uppehåll i avfallshämtning", 2026, 123)]
    [InlineData("Vi har tagit emot ditt ärende KC-2026-000001", 2026, 1)]
    [InlineData("RE: kc-2025-004711", 2025, 4711)]
    public void A_reference_in_the_subject_threads_the_mail(string subject, int year, int serial)
    {
        Assert.Equal(new CaseReference(year, serial), InboundMailRules.ReferenceInSubject(subject));
    }

    [Fact]
    public void No_reference_no_thread()
    {
        Assert.Null(InboundMailRules.ReferenceInSubject("Fråga om sophämtning"));
        Assert.Null(InboundMailRules.ReferenceInSubject("KC-2026-000000"));
        Assert.Null(InboundMailRules.ReferenceInSubject(null));
    }

    [Fact]
    public void A_reply_to_one_of_our_messages_names_its_case()
    {
        var caseId = Guid.NewGuid().ToString("N");
        var mail = Mail(references: ["<other@example.se>", MessageIds.For("receipt", caseId)]);

        Assert.Equal(caseId, InboundMailRules.RepliedCaseId(mail));
        Assert.Equal(caseId, MessageIds.CaseIdOf(MessageIds.For("m1", caseId)));
        Assert.Null(MessageIds.CaseIdOf("<x@example.se>"));
        Assert.Null(InboundMailRules.RepliedCaseId(Mail(references: ["<x@example.se>"])));
    }

    [Theory]
    [InlineData("Sv: KC-٢٠٢٦-٠٠٠١٢٣ fråga")]
    [InlineData("Sv: KC-2026-0001234")]
    [InlineData("XKC-2026-000123")]
    public void Only_a_whole_reference_in_ascii_digits_counts(string subject) =>
        Assert.Null(InboundMailRules.ReferenceInSubject(subject));

    [Theory]
    [InlineData("MAILER-DAEMON@example.se", InboundMailKind.Bounce)]
    [InlineData("postmaster@example.se", InboundMailKind.Bounce)]
    [InlineData("noreply@example.se", InboundMailKind.Automatic)]
    [InlineData("no-reply.faktura@example.se", InboundMailKind.Automatic)]
    [InlineData("lista-request@example.se", InboundMailKind.Automatic)]
    [InlineData("owner-lista@example.se", InboundMailKind.Automatic)]
    [InlineData("nora@example.se", InboundMailKind.Personal)]
    public void Some_senders_are_machines(string from, InboundMailKind expected) =>
        Assert.Equal(expected, InboundMailRules.Classify(Mail() with { From = from }));

    [Fact]
    public void Mailing_list_mail_is_automatic() =>
        Assert.Equal(InboundMailKind.Automatic, InboundMailRules.Classify(Mail() with { HasListHeader = true }));

    [Fact]
    public void A_message_id_in_our_domain_that_names_no_case_is_not_ours() =>
        Assert.Equal(InboundMailKind.Personal, InboundMailRules.Classify(Mail(messageId: "<anything@kontaktcenter.bollebygd.se>")));
}
