using System.Linq.Expressions;
using System.Reflection;

namespace Reference.SharedKernel.Filtering;

/// <summary>
/// Turns a filter AST into <c>Expression&lt;Func&lt;T, bool&gt;&gt;</c> made only of what EF Core (PostgreSQL,
/// SQLite) and MongoDB's LINQ provider translate server-side: member access, comparisons, <c>string.Compare</c>,
/// <c>Contains</c>/<c>StartsWith</c>/<c>EndsWith</c>/<c>ToLower</c>, <c>Enumerable.Contains</c> and
/// <c>Enumerable.Any</c>. Every user value sits in a <see cref="FilterParameter{TValue}"/>.
/// </summary>
public static class FilterTranslator
{
    public static Expression<Func<T, bool>> Translate<T>(FilterNode node, FieldMap<T> map)
    {
        var root = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, bool>>(new Visitor<T>(map, root).Visit(node), root);
    }

    private sealed class Visitor<T>(FieldMap<T> map, ParameterExpression root)
    {
        private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
        private static readonly MethodInfo StringCompare =
            typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

        private static readonly MethodInfo EnumerableAny = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 2);

        private static readonly MethodInfo EnumerableContains = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

        public Expression Visit(FilterNode node) => node switch
        {
            AndNode and => and.Operands.Select(Visit).Aggregate(Expression.AndAlso),
            OrNode or => or.Operands.Select(Visit).Aggregate(Expression.OrElse),
            GroupNode group => VisitGroup(group),
            ComparisonNode clause => VisitClause(clause),
            _ => throw new ArgumentOutOfRangeException(nameof(node), node, null),
        };

        private Expression VisitGroup(GroupNode group)
        {
            if (group.Inner is AndNode { Operands: var operands } && operands.All(o => o is ComparisonNode))
            {
                var clauses = operands.Cast<ComparisonNode>().ToList();
                var fields = clauses.Select(Resolve).ToList();
                var sameElement = fields.All(f =>
                    f.IsCollection && f.SameElementInGroups && ReferenceEquals(f.Selector, fields[0].Selector))
                    && clauses.All(c => !c.Operator.IsNegated());
                if (sameElement)
                {
                    var element = Expression.Parameter(fields[0].ElementSelector!.Parameters[0].Type, "e");
                    var body = clauses.Zip(fields)
                        .Select(p => Compare(p.Second, ParameterReplacer.Replace(p.Second.ElementSelector!, element), p.First))
                        .Aggregate(Expression.AndAlso);
                    return Any(fields[0], element, body);
                }
            }

            return Visit(group.Inner);
        }

        private Expression VisitClause(ComparisonNode clause)
        {
            var field = Resolve(clause);
            if (!field.IsCollection)
            {
                return Compare(field, ParameterReplacer.Replace(field.Selector, root), clause);
            }

            // Collections: a positive clause matches when any element does; a negated one when none does.
            var element = Expression.Parameter(field.ElementSelector!.Parameters[0].Type, "e");
            var positive = clause with { Operator = clause.Operator.Positive() };
            var any = Any(field, element, Compare(field, ParameterReplacer.Replace(field.ElementSelector, element), positive));
            return clause.Operator.IsNegated() ? Expression.Not(any) : any;
        }

        private FieldDefinition Resolve(ComparisonNode clause)
        {
            var field = map.Resolve(clause.Field, clause.Position);
            if (!field.Operators.Contains(clause.Operator))
            {
                throw new FilterException(
                    FilterErrorCodes.OperatorNotAllowed,
                    $"'{clause.Operator.Symbol()}' is not allowed on '{field.Name}'. Allowed: " +
                    string.Join(" ", field.Operators.Order().Select(o => o.Symbol())) + ".",
                    clause.Field, clause.Position);
            }

            var caseFoldable = clause.Operator.Positive() is FilterOperator.Equal or FilterOperator.Contains
                or FilterOperator.StartsWith or FilterOperator.EndsWith;
            if (clause.IgnoreCase && (field.Kind != FieldKind.Text || !caseFoldable))
            {
                throw new FilterException(
                    FilterErrorCodes.OperatorNotAllowed,
                    $"Case-insensitive matching applies to text equality and contains/starts/ends on '{field.Name}' only.",
                    clause.Field, clause.Position);
            }

            return field;
        }

        private Expression Any(FieldDefinition field, ParameterExpression element, Expression body)
        {
            var collection = ParameterReplacer.Replace(field.Selector, root);
            var predicate = Expression.Lambda(body, element);
            return Expression.Call(EnumerableAny.MakeGenericMethod(element.Type), collection, predicate);
        }

        private static Expression Compare(FieldDefinition field, Expression member, ComparisonNode clause)
        {
            var op = clause.Operator;
            return op switch
            {
                FilterOperator.IsNull => Expression.Equal(member, Expression.Constant(null, member.Type)),
                FilterOperator.IsNotNull => Expression.NotEqual(member, Expression.Constant(null, member.Type)),
                FilterOperator.Equal => EqualTo(field, member, clause),
                FilterOperator.NotEqual when IsPlainEquality(field, clause) =>
                    Expression.NotEqual(member, Parameter(field, member.Type, clause.Value)),
                FilterOperator.GreaterThan or FilterOperator.GreaterThanOrEqual
                    or FilterOperator.LessThan or FilterOperator.LessThanOrEqual => Ordered(field, member, op, clause.Value),
                FilterOperator.Contains or FilterOperator.StartsWith or FilterOperator.EndsWith =>
                    TextMatch(member, op, clause),
                FilterOperator.In => In(field, member, clause.Values),
                FilterOperator.Between => Between(field, member, clause.Values[0], clause.Values[1]),
                _ when op.IsNegated() => Expression.Not(Compare(field, member, clause with { Operator = op.Positive() })),
                _ => throw new ArgumentOutOfRangeException(nameof(clause), op, null),
            };
        }

        private static bool IsPlainEquality(FieldDefinition field, ComparisonNode clause) =>
            !clause.IgnoreCase && !FilterValueConverter.IsDateOnly(field, clause.Value.Text)
            && !(field.Kind == FieldKind.Text && clause.Value.Text.Length == 0);

        private static Expression EqualTo(FieldDefinition field, Expression member, ComparisonNode clause)
        {
            var text = clause.Value.Text;
            if (field.Kind == FieldKind.Text && text.Length == 0)
            {
                // 'name=' matches null or empty; 'name=null' matches null only.
                return Expression.OrElse(
                    Expression.Equal(member, Expression.Constant(null, member.Type)),
                    Expression.Equal(member, Expression.Constant(string.Empty)));
            }

            if (FilterValueConverter.IsDateOnly(field, text))
            {
                return DayRange(field, member, clause.Value, clause.Value);
            }

            if (clause.IgnoreCase)
            {
                return Expression.AndAlso(
                    NotNull(member),
                    Expression.Equal(Expression.Call(member, ToLower), Parameter(member.Type, text.ToLowerInvariant())));
            }

            return Expression.Equal(member, Parameter(field, member.Type, clause.Value));
        }

        private static Expression Ordered(FieldDefinition field, Expression member, FilterOperator op, FilterLiteral value)
        {
            if (FilterValueConverter.IsDateOnly(field, value.Text))
            {
                // A bare date compares by day: '> 2024-05-01' starts on 2024-05-02, '<= 2024-05-01' ends before it.
                return op switch
                {
                    FilterOperator.GreaterThan => Expression.GreaterThanOrEqual(member, DayStart(field, member, value, 1)),
                    FilterOperator.GreaterThanOrEqual => Expression.GreaterThanOrEqual(member, DayStart(field, member, value, 0)),
                    FilterOperator.LessThan => Expression.LessThan(member, DayStart(field, member, value, 0)),
                    _ => Expression.LessThan(member, DayStart(field, member, value, 1)),
                };
            }

            var parameter = Parameter(field, member.Type, value);
            if (field.Kind == FieldKind.Text)
            {
                // Strings order through string.Compare, which EF Core and MongoDB translate to native comparisons.
                var compared = Expression.Call(StringCompare, member, parameter);
                return Expression.AndAlso(NotNull(member), Binary(op, compared, Expression.Constant(0)));
            }

            return Binary(op, member, parameter);
        }

        private static Expression Binary(FilterOperator op, Expression left, Expression right) => op switch
        {
            FilterOperator.GreaterThan => Expression.GreaterThan(left, right),
            FilterOperator.GreaterThanOrEqual => Expression.GreaterThanOrEqual(left, right),
            FilterOperator.LessThan => Expression.LessThan(left, right),
            _ => Expression.LessThanOrEqual(left, right),
        };

        private static Expression TextMatch(Expression member, FilterOperator op, ComparisonNode clause)
        {
            var method = typeof(string).GetMethod(op.ToString(), [typeof(string)])!;
            var target = clause.IgnoreCase ? Expression.Call(member, ToLower) : member;
            var text = clause.IgnoreCase ? clause.Value.Text.ToLowerInvariant() : clause.Value.Text;
            return Expression.AndAlso(NotNull(member), Expression.Call(target, method, Parameter(typeof(string), text)));
        }

        private static Expression In(FieldDefinition field, Expression member, IReadOnlyList<FilterLiteral> values)
        {
            if (values.Any(v => FilterValueConverter.IsDateOnly(field, v.Text)))
            {
                return values
                    .Select(v => FilterValueConverter.IsDateOnly(field, v.Text)
                        ? DayRange(field, member, v, v)
                        : Expression.Equal(member, Parameter(field, member.Type, v)))
                    .Aggregate(Expression.OrElse);
            }

            var array = Array.CreateInstance(member.Type, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                array.SetValue(FilterValueConverter.Convert(field, values[i]), i);
            }

            return Expression.Call(
                EnumerableContains.MakeGenericMethod(member.Type), Parameter(array.GetType(), array), member);
        }

        private static Expression Between(FieldDefinition field, Expression member, FilterLiteral low, FilterLiteral high)
        {
            if (FilterValueConverter.IsDateOnly(field, low.Text) && FilterValueConverter.IsDateOnly(field, high.Text))
            {
                return DayRange(field, member, low, high);
            }

            return Expression.AndAlso(
                Ordered(field, member, FilterOperator.GreaterThanOrEqual, low),
                Ordered(field, member, FilterOperator.LessThanOrEqual, high));
        }

        private static Expression DayRange(FieldDefinition field, Expression member, FilterLiteral firstDay, FilterLiteral lastDay) =>
            Expression.AndAlso(
                Expression.GreaterThanOrEqual(member, DayStart(field, member, firstDay, 0)),
                Expression.LessThan(member, DayStart(field, member, lastDay, 1)));

        private static Expression DayStart(FieldDefinition field, Expression member, FilterLiteral day, int addDays) =>
            Parameter(member.Type, FilterValueConverter.StartOfDay(field, day, addDays));

        private static Expression NotNull(Expression member) =>
            Expression.NotEqual(member, Expression.Constant(null, member.Type));

        private static Expression Parameter(FieldDefinition field, Type type, FilterLiteral value) =>
            Parameter(type, FilterValueConverter.Convert(field, value));

        private static MemberExpression Parameter(Type type, object? value)
        {
            var holder = Activator.CreateInstance(typeof(FilterParameter<>).MakeGenericType(type), value)!;
            return Expression.Property(Expression.Constant(holder), nameof(FilterParameter<object>.Value));
        }
    }
}
