using System.Text.Json.Serialization;

namespace Bollebygd.Core.Catalog;

[JsonConverter(typeof(JsonStringEnumConverter<FieldType>))]
public enum FieldType
{
    [JsonStringEnumMemberName("text")] Text,
    [JsonStringEnumMemberName("textarea")] Textarea,
    [JsonStringEnumMemberName("number")] Number,
    [JsonStringEnumMemberName("date")] Date,
    [JsonStringEnumMemberName("select")] Select,
    [JsonStringEnumMemberName("multiselect")] Multiselect,
    [JsonStringEnumMemberName("radio")] Radio,
    [JsonStringEnumMemberName("checkbox")] Checkbox,
    [JsonStringEnumMemberName("email")] Email,
    [JsonStringEnumMemberName("phone")] Phone,
    [JsonStringEnumMemberName("personnummer")] Personnummer,
    [JsonStringEnumMemberName("orgnummer")] Orgnummer,
    [JsonStringEnumMemberName("address")] Address,
    [JsonStringEnumMemberName("fastighetsbeteckning")] Fastighetsbeteckning,
    [JsonStringEnumMemberName("file")] File,
    [JsonStringEnumMemberName("info")] Info,
}
