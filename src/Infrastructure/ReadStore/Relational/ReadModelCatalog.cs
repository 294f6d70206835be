using System.Text;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>
/// The read-model types this process projects, and the table each maps to by convention:
/// <c>rm_</c> + the type name in snake case (OrderSummary → rm_order_summary).
/// </summary>
public sealed class ReadModelCatalog
{
    public ReadModelCatalog(IEnumerable<Type> readModelTypes)
    {
        Types = readModelTypes.Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        foreach (var type in Types.Where(t => !typeof(IReadModel).IsAssignableFrom(t)))
        {
            throw new ArgumentException($"{type.Name} is not an {nameof(IReadModel)}.", nameof(readModelTypes));
        }

        Key = string.Join(";", Types.Select(t => t.FullName));
    }

    public IReadOnlyList<Type> Types { get; }

    /// <summary>Identifies the set of types, so EF Core builds one model per distinct set.</summary>
    public string Key { get; }

    public static string TableOf(Type readModelType) => "rm_" + SnakeCase(readModelType.Name);

    public static string SnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
