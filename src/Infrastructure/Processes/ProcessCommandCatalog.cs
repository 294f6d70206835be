using System.Reflection;
using Reference.SharedKernel.Processes;

namespace Reference.Infrastructure.Processes;

/// <summary>The commands process managers may send, by their public name (<see cref="ProcessCommandAttribute"/>).</summary>
public sealed class ProcessCommandCatalog
{
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);

    public ProcessCommandCatalog(IEnumerable<Assembly> assemblies)
    {
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.GetCustomAttribute<ProcessCommandAttribute>() is { } attribute && !_types.TryAdd(attribute.Name, type))
            {
                throw new InvalidOperationException($"Two commands are named '{attribute.Name}': {_types[attribute.Name].FullName} and {type.FullName}.");
            }
        }
    }

    public Type? Find(string name) => _types.GetValueOrDefault(name);
}
