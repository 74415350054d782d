using System.Globalization;
using System.Text.RegularExpressions;
using Bollebygd.Core.Catalog;
using Bollebygd.Core.Identity;

namespace Bollebygd.Core.Forms;

/// <summary>
/// Validates a submission against its service definition, field by field: required, type, options, lengths and
/// ranges, identity numbers; a field whose <c>visibleWhen</c> does not hold is skipped and not stored. The browser
/// runs the same rules from the same JSON (web/js/validation.mjs).
/// </summary>
public static partial class FormValidator
{
    public static FormValidationResult Validate(ServiceDefinition service, FormInput input, DateOnly today)
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var visible = new Dictionary<string, bool>(StringComparer.Ordinal);

        foreach (var field in service.Fields.Where(f => f.TakesInput))
        {
            var isVisible = IsVisible(field, input, visible);
            visible[field.Name] = isVisible;
            if (!isVisible)
            {
                continue;
            }
            var (value, error) = Check(field, input, today);
            if (error is not null)
            {
                errors[field.Name] = [error];
            }
            else if (value is not null)
            {
                values[field.Name] = value;
            }
        }
        return new FormValidationResult(errors, values);
    }

    /// <summary>Whether a field shows, given what was entered; a field depending on a hidden field is hidden too.</summary>
    public static bool IsVisible(FormField field, FormInput input, IReadOnlyDictionary<string, bool> visibleSoFar)
    {
        if (field.VisibleWhen is not { } condition)
        {
            return true;
        }
        if (visibleSoFar.TryGetValue(condition.Field, out var sourceVisible) && !sourceVisible)
        {
            return false;
        }
        var given = input.All(condition.Field).Select(v => v.Trim()).Select(v => v is "on" ? "true" : v).ToList();
        return condition.AcceptedValues.Any(given.Contains);
    }

    private static (object? Value, string? Error) Check(FormField field, FormInput input, DateOnly today)
    {
        if (field.Type == FieldType.Address)
        {
            return CheckAddress(field, input);
        }
        if (field.Type == FieldType.Multiselect)
        {
            var chosen = input.All(field.Name).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList();
            if (chosen.Count == 0)
            {
                return field.Required ? (null, ValidationMessages.Required(field)) : (null, null);
            }
            return chosen.All(v => field.Options!.Any(o => o.Value == v))
                ? (chosen.ToArray(), null)
                : (null, ValidationMessages.NotAnOption);
        }
        if (field.Type == FieldType.Checkbox)
        {
            var ticked = input.Single(field.Name) is "true" or "on" or "yes" or "1";
            return field.Required && !ticked ? (null, ValidationMessages.Required(field)) : (ticked, null);
        }

        var text = input.Single(field.Name);
        if (text is null)
        {
            return field.Required ? (null, ValidationMessages.Required(field)) : (null, null);
        }
        if (input.All(field.Name).Count(v => v.Trim().Length > 0) > 1 && field.Type is FieldType.Select or FieldType.Radio)
        {
            return (null, ValidationMessages.OneValueOnly);
        }

        switch (field.Type)
        {
            case FieldType.Text or FieldType.Textarea:
                // A browser posting a form sends line breaks as CRLF; the page counted them as one character.
                text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
                return text.Length > field.EffectiveMaxLength ? (null, ValidationMessages.TooLong(field.EffectiveMaxLength)) : (text, null);
            case FieldType.Number:
                if (!decimal.TryParse(text.Replace(',', '.').Replace(" ", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    return (null, ValidationMessages.NotANumber);
                }
                return (field.Min is { } min && number < min) || (field.Max is { } max && number > max)
                    ? (null, ValidationMessages.OutOfRange(field.Min, field.Max))
                    : (number, null);
            case FieldType.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (null, ValidationMessages.NotADate);
            case FieldType.Select or FieldType.Radio:
                return field.Options!.Any(o => o.Value == text) ? (text, null) : (null, ValidationMessages.NotAnOption);
            case FieldType.Email:
                return IsEmail(text) ? (text, null) : (null, ValidationMessages.NotAnEmail);
            case FieldType.Phone:
                var digits = text.Count(char.IsAsciiDigit);
                return Phone().IsMatch(text) && digits is >= 7 and <= 15 ? (text, null) : (null, ValidationMessages.NotAPhone);
            case FieldType.Personnummer:
                var pnr = Personnummer.Parse(text, today);
                return pnr.Error switch
                {
                    IdentityParseError.None => (pnr.Value.Value, null),
                    IdentityParseError.Date => (null, ValidationMessages.PersonnummerDate),
                    IdentityParseError.Checksum => (null, ValidationMessages.PersonnummerChecksum),
                    _ => (null, ValidationMessages.PersonnummerFormat),
                };
            case FieldType.Orgnummer:
                var org = Organisationsnummer.Parse(text);
                return org.Error switch
                {
                    IdentityParseError.None => (org.Value.Value, null),
                    IdentityParseError.Checksum => (null, ValidationMessages.OrgnummerChecksum),
                    IdentityParseError.NotAnOrganisation => (null, ValidationMessages.OrgnummerIsPersonnummer),
                    _ => (null, ValidationMessages.OrgnummerFormat),
                };
            case FieldType.Fastighetsbeteckning:
                var normalized = Spaces().Replace(text, " ");
                return normalized.Length <= 100 && Fastighet().IsMatch(normalized) ? (normalized, null) : (null, ValidationMessages.NotAFastighetsbeteckning);
            case FieldType.File:
                return UploadId().IsMatch(text) ? (text, null) : (null, ValidationMessages.NotAFile);
            default:
                return (text, null);
        }
    }

    private static (object? Value, string? Error) CheckAddress(FormField field, FormInput input)
    {
        var street = input.Single($"{field.Name}.{Address.StreetPart}");
        var postal = input.Single($"{field.Name}.{Address.PostalCodePart}")?.Replace(" ", "", StringComparison.Ordinal);
        var city = input.Single($"{field.Name}.{Address.CityPart}");
        if (street is null && postal is null && city is null)
        {
            return field.Required ? (null, ValidationMessages.Required(field)) : (null, null);
        }
        if (street is null)
        {
            return (null, ValidationMessages.StreetMissing);
        }
        if (postal is null || postal.Length != 5 || !postal.All(char.IsAsciiDigit))
        {
            return (null, ValidationMessages.PostalCodeInvalid);
        }
        if (city is null)
        {
            return (null, ValidationMessages.CityMissing);
        }
        if (street.Length > 200 || city.Length > 100)
        {
            return (null, ValidationMessages.TooLong(200));
        }
        return (new Address(street, postal, city), null);
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^\p{L}[\p{L}\- ]*\s\d+:\d+$")]
    private static partial Regex Fastighet();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The e-mail rule of the forms, for other input that takes an address.</summary>
    public static bool IsEmail(string text) => text.Length <= 254 && Email().IsMatch(text);

    [GeneratedRegex(@"^[a-f0-9]{32}\z")]
    private static partial Regex UploadId();
}
