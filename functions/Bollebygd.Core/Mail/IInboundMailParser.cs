namespace Bollebygd.Core.Mail;

/// <summary>Port: reads a raw RFC 5322 message (MimeKit in the adapter). Never throws for bad input: it says why.</summary>
public interface IInboundMailParser
{
    ParsedMail Parse(ReadOnlyMemory<byte> raw);
}
