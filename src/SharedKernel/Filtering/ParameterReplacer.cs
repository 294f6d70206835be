using System.Linq.Expressions;

namespace Reference.SharedKernel.Filtering;

/// <summary>Rewrites a lambda body onto another parameter so selectors can be combined into one lambda.</summary>
internal sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
{
    public static Expression Replace(LambdaExpression lambda, Expression with) =>
        new ParameterReplacer(lambda.Parameters[0], with).Visit(lambda.Body);

    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
}
