namespace Bollebygd.Core.Identity;

public readonly record struct IdentityParseResult<T>(T Value, IdentityParseError Error) where T : struct
{
    public bool IsValid => Error == IdentityParseError.None;

    public static IdentityParseResult<T> Ok(T value) => new(value, IdentityParseError.None);

    public static IdentityParseResult<T> Fail(IdentityParseError error) => new(default, error);
}
