namespace Bollebygd.Core.Utility;

public sealed record UtilityDocument(string Name, string ContentType, byte[] Content);
