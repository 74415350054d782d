using System.Text.Json.Serialization;

namespace Bollebygd.Core.Catalog;

/// <summary>How the citizen uses a service: our web form, a PDF blankett, or another system's e-service.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ServiceKind>))]
public enum ServiceKind
{
    [JsonStringEnumMemberName("form")]
    Form,

    [JsonStringEnumMemberName("pdf")]
    Pdf,

    [JsonStringEnumMemberName("external")]
    External,
}
