namespace Bollebygd.Core.Remiss;

/// <summary>What the external party sees through the link: the case by reference and title, the question, the shared extract, the deadline.</summary>
public sealed record RemissView(string CaseReference, string Title, string Question, string? Extract, DateTimeOffset Deadline,
    string From, bool Answered, bool CanAnswer);
