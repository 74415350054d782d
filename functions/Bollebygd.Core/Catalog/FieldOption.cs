namespace Bollebygd.Core.Catalog;

public sealed record FieldOption(string Value, string Label);
