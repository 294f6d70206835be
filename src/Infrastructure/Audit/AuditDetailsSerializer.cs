using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Reference.SharedKernel.Application.Messaging;

namespace Reference.Infrastructure.Audit;

/// <summary>
/// Serializes a message for the audit record's details: <see cref="SensitiveAttribute"/> values are
/// replaced by a mask, <see cref="NotAuditedAttribute"/> values are left out. The attributes may sit
/// on a property or on a positional record's parameter.
/// </summary>
public static class AuditDetailsSerializer
{
    public const string Mask = "***";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ApplyAuditAttributes } },
    };

    public static string Serialize(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Serialize(message, message.GetType(), Options);
    }

    private static void ApplyAuditAttributes(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (Has<NotAuditedAttribute>(typeInfo.Type, property))
            {
                typeInfo.Properties.RemoveAt(i);
            }
            else if (Has<SensitiveAttribute>(typeInfo.Type, property))
            {
                var masked = typeInfo.CreateJsonPropertyInfo(typeof(string), property.Name);
                masked.Get = _ => Mask;
                typeInfo.Properties[i] = masked;
            }
        }
    }

    private static bool Has<TAttribute>(Type declaringType, JsonPropertyInfo property)
        where TAttribute : Attribute
    {
        if (property.AttributeProvider?.IsDefined(typeof(TAttribute), inherit: true) == true)
        {
            return true;
        }

        var clrName = (property.AttributeProvider as MemberInfo)?.Name;
        return clrName is not null && declaringType.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Any(p => string.Equals(p.Name, clrName, StringComparison.Ordinal) && p.IsDefined(typeof(TAttribute), inherit: true));
    }
}
