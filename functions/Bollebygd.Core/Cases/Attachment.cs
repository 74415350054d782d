namespace Bollebygd.Core.Cases;

/// <summary>A stored file: the id it is kept under, the sanitised name the citizen gave it, its size and sniffed type.</summary>
public sealed record Attachment(string Id, string Name, long Size, string ContentType);
