using System.Linq.Expressions;

namespace Reference.SharedKernel.Filtering;

/// <summary>
/// The access-control side's say over which rows of <typeparamref name="T"/> the ambient principal may list,
/// passed to <see cref="ListConstraints{T}"/> so it wraps every user filter.
/// </summary>
public interface IRowAccessPolicy<T>
{
    /// <summary>The predicate rows must satisfy, or null when the principal may see every row of the tenant.</summary>
    ValueTask<Expression<Func<T, bool>>?> PredicateAsync(CancellationToken cancellationToken);
}
