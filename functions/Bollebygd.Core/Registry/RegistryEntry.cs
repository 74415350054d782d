namespace Bollebygd.Core.Registry;

/// <summary>A case as registered in Platina: its id there and its diary number (diarienummer), e.g. "KS 2026/12".</summary>
public sealed record RegistryEntry(int Id, string DiaryNumber);
