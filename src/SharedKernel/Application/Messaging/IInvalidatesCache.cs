namespace Reference.SharedKernel.Application.Messaging;

/// <summary>A command whose success makes cached query results stale; their tags are invalidated after commit.</summary>
public interface IInvalidatesCache
{
    IReadOnlyList<string> CacheTagsToInvalidate { get; }
}
