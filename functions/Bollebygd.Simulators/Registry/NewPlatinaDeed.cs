namespace Bollebygd.Simulators.Registry;

/// <summary>The body of <c>POST /api/v7/journalized-cases/{id}/deeds</c>.</summary>
public sealed record NewPlatinaDeed(string? Title, string? Direction, DateOnly? InOutDate);
