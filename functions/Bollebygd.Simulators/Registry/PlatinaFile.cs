namespace Bollebygd.Simulators.Registry;

/// <summary>A file of a document: its name, type and size (the bytes are checked, not kept).</summary>
public sealed record PlatinaFile(int Id, string Name, string ContentType, long Size, string Sha256);
