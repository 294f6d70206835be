using System.Text;

namespace Reference.Infrastructure.Persistence.State;

/// <summary>Table names for state-stored aggregates: the type name in snake_case.</summary>
public static class StateNaming
{
    public static string TableName(Type aggregateType)
    {
        ArgumentNullException.ThrowIfNull(aggregateType);
        var name = aggregateType.Name;
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
