namespace Bollebygd.Core.Mail;

/// <summary>An attachment of an arriving mail, before the upload checks decide whether it is kept.</summary>
public sealed record MailFile(string Name, ReadOnlyMemory<byte> Content);
