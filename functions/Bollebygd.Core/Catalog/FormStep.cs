namespace Bollebygd.Core.Catalog;

public sealed record FormStep(string Title, IReadOnlyList<FormField> Fields);
