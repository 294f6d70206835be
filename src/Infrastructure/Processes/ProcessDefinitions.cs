using Reference.SharedKernel.Processes;

namespace Reference.Infrastructure.Processes;

/// <summary>The registered process definitions, by type and by the event types they react to.</summary>
public sealed class ProcessDefinitions
{
    private readonly Dictionary<string, IProcessDefinition> _byType = new(StringComparer.Ordinal);

    public ProcessDefinitions(IEnumerable<IProcessDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            if (!_byType.TryAdd(definition.Type, definition) && !ReferenceEquals(_byType[definition.Type], definition))
            {
                throw new InvalidOperationException($"Two process definitions are named '{definition.Type}'.");
            }
        }
    }

    public IReadOnlyCollection<IProcessDefinition> All => _byType.Values;

    public IProcessDefinition Of(string type) =>
        _byType.TryGetValue(type, out var definition) ? definition : throw new InvalidOperationException($"No process definition is named '{type}'.");

    public IEnumerable<IProcessDefinition> ReactingTo(string messageType) =>
        _byType.Values.Where(d => d.MessageTypes.Contains(messageType));
}
