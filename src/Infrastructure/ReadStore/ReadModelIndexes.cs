using System.Reflection;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.ReadStore;

/// <summary>Reads a read-model type's <see cref="IReadModel.Indexes"/> declaration and checks it against the type.</summary>
public static class ReadModelIndexes
{
    private static readonly MethodInfo DeclaredMethod = typeof(ReadModelIndexes).GetMethod(nameof(Declared), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The declared indexes; an index naming a property the type does not have is a start-up error.</summary>
    public static IReadOnlyList<ReadModelIndex> Of(Type readModelType)
    {
        ArgumentNullException.ThrowIfNull(readModelType);
        var indexes = (IReadOnlyList<ReadModelIndex>)DeclaredMethod.MakeGenericMethod(readModelType).Invoke(null, null)!;
        foreach (var property in indexes.SelectMany(i => i.Properties))
        {
            if (readModelType.GetProperty(property, BindingFlags.Public | BindingFlags.Instance) is null)
            {
                throw new InvalidOperationException($"{readModelType.Name} declares an index on '{property}', which is not one of its properties.");
            }
        }

        return indexes;
    }

    public static IReadOnlyList<ReadModelIndex> Of<T>()
        where T : IReadModel => Of(typeof(T));

    private static IReadOnlyList<ReadModelIndex> Declared<T>()
        where T : IReadModel => T.Indexes;
}
