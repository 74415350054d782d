namespace Bollebygd.Core.Catalog;

/// <summary>One field of a form step, as the JSON definition declares it.</summary>
public sealed record FormField(
    string Name,
    FieldType Type,
    string Label,
    bool Required = false,
    IReadOnlyList<FieldOption>? Options = null,
    VisibilityCondition? VisibleWhen = null,
    string? Help = null,
    int? MaxLength = null,
    decimal? Min = null,
    decimal? Max = null,
    string? Text = null)
{
    public const int DefaultTextLength = 200;
    public const int DefaultTextareaLength = 4000;

    public int EffectiveMaxLength => MaxLength ?? (Type == FieldType.Textarea ? DefaultTextareaLength : DefaultTextLength);

    public bool HasOptions => Type is FieldType.Select or FieldType.Multiselect or FieldType.Radio;

    /// <summary>Whether the citizen enters anything here (an info field only shows text).</summary>
    public bool TakesInput => Type != FieldType.Info;
}
