namespace Bollebygd.Core.Registry;

/// <summary>A document to attach to a registered case: its title, direction (In, Out, Internal) and one file.</summary>
public sealed record RegistryDocument(string Key, string Title, string Direction, DateOnly InOutDate, string FileName, string ContentType,
    ReadOnlyMemory<byte> Content);
