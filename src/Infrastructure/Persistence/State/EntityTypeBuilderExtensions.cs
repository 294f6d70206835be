using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reference.Infrastructure.Persistence.State;

/// <summary>Mapping helpers for the composition root's aggregate customizations.</summary>
public static class EntityTypeBuilderExtensions
{
    /// <summary>A unique index that includes the tenant: two tenants may hold the same value.</summary>
    public static IndexBuilder<TAggregate> HasUniqueIndexPerTenant<TAggregate>(
        this EntityTypeBuilder<TAggregate> entity,
        params Expression<Func<TAggregate, object?>>[] properties)
        where TAggregate : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        var names = properties.Select(p => MemberName(p.Body)).Prepend(StateDbContext.TenantIdProperty).ToArray();
        return entity.HasIndex(names).IsUnique();
    }

    private static string MemberName(Expression body) => body switch
    {
        MemberExpression member => member.Member.Name,
        UnaryExpression { Operand: MemberExpression member } => member.Member.Name,
        _ => throw new ArgumentException("Use a simple property access such as c => c.Email.", nameof(body)),
    };
}
