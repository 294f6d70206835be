using System.Linq.Expressions;
using System.Reflection;

namespace Reference.SharedKernel.Filtering;

/// <summary>
/// The one entry point of list endpoints: applies, in this order, the tenant constraint, the authorization
/// constraint, the user's filter, the order (with the key as final tie-breaker) and the page window.
/// Every input is validated before any query is built, so a bad request never reaches the store.
/// </summary>
public static class ListQueryExtensions
{
    private static readonly MethodInfo[] OrderMethods =
    [
        QueryableMethod(nameof(Queryable.OrderBy)), QueryableMethod(nameof(Queryable.OrderByDescending)),
        QueryableMethod(nameof(Queryable.ThenBy)), QueryableMethod(nameof(Queryable.ThenByDescending)),
    ];

    /// <exception cref="FilterException">Any invalid filter, sort, paging or cursor input.</exception>
    public static ListPlan<T> ToListPlan<T>(
        this IQueryable<T> source, ListQuery query, FieldMap<T> map, ListConstraints<T> constraints)
    {
        var userFilter = map.ToPredicate(query.Filter);
        var order = ResolveOrder(map, SortParser.Parse(query.OrderBy, query.Sort, map.Limits));
        var paging = PageRequest.From(query, map.Limits);
        var after = paging.Cursor is null ? null : KeysetCursor.After<T>(order, paging.Cursor);

        var filtered = Constrain(source, map, constraints);
        if (userFilter is not null)
        {
            filtered = filtered.Where(userFilter);
        }

        var ordered = after is null ? filtered : filtered.Where(after);
        ordered = Order(ordered, order);
        var page = ordered.Skip(paging.Skip).Take(paging.PageSize + 1);
        return new ListPlan<T>(filtered, page, paging, order);
    }

    /// <summary>Only the tenant and authorization constraints, for endpoints that do their own shaping.</summary>
    public static IQueryable<T> Constrain<T>(this IQueryable<T> source, FieldMap<T> map, ListConstraints<T> constraints)
    {
        if (!constraints.AcrossTenants)
        {
            var tenant = map.TenantSelector ?? throw new InvalidOperationException(
                $"The field map of {typeof(T).Name} declares no Tenant(...), so a tenant constraint cannot be applied.");
            var parameter = tenant.Parameters[0];
            var equals = Expression.Equal(
                tenant.Body,
                Expression.Property(
                    Expression.Constant(new FilterParameter<string>(constraints.TenantId!)),
                    nameof(FilterParameter<string>.Value)));
            source = source.Where(Expression.Lambda<Func<T, bool>>(equals, parameter));
        }

        return constraints.Authorization is null ? source : source.Where(constraints.Authorization);
    }

    private static List<OrderKey> ResolveOrder<T>(FieldMap<T> map, IReadOnlyList<SortField> requested)
    {
        var sorts = requested.Count > 0 ? requested : map.DefaultSort;
        var order = sorts.Select(s => new OrderKey(map.ResolveSortable(s), s.Descending)).ToList();
        if (!order.Any(k => SameMember(k.Selector.Body, map.KeySelector.Body)))
        {
            order.Add(new OrderKey(map.KeyField, Descending: false));
        }

        return order;
    }

    private static IQueryable<T> Order<T>(IQueryable<T> source, IReadOnlyList<OrderKey> order)
    {
        var expression = source.Expression;
        for (var i = 0; i < order.Count; i++)
        {
            var key = order[i];
            var method = OrderMethods[(i == 0 ? 0 : 2) + (key.Descending ? 1 : 0)]
                .MakeGenericMethod(typeof(T), key.Selector.ReturnType);
            expression = Expression.Call(method, expression, Expression.Quote(key.Selector));
        }

        return source.Provider.CreateQuery<T>(expression);
    }

    private static bool SameMember(Expression a, Expression b) => (a, b) switch
    {
        (MemberExpression ma, MemberExpression mb) => ma.Member == mb.Member && SameMember(ma.Expression!, mb.Expression!),
        (ParameterExpression, ParameterExpression) => true,
        _ => false,
    };

    private static MethodInfo QueryableMethod(string name) => typeof(Queryable).GetMethods()
        .Single(m => m.Name == name && m.GetParameters().Length == 2);
}
