using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reference.SharedKernel.Processes;

/// <summary>How process state, commands and documents are written: web defaults (camelCase), enums as text.</summary>
public static class ProcessJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
