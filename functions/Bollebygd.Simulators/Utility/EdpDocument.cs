namespace Bollebygd.Simulators.Utility;

/// <summary>A document of an EDP case, with its content (small text files in the simulator).</summary>
public sealed record EdpDocument(string Name, string ContentType, string ContentBase64);
