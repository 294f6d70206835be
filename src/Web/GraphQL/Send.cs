using GraphQL;
using Mediator;
using Reference.Features.Shared.Http;
using Reference.SharedKernel.Application;

namespace Reference.Web.GraphQL;

/// <summary>
/// How a resolver runs a use case: through the request's mediator, so tenancy, authorization, validation, audit
/// and caching apply exactly as they do for REST; a failure becomes the field's error.
/// </summary>
public static class Send
{
    public static async Task<T> QueryAsync<T>(IResolveFieldContext context, IQuery<Result<T>> query)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await SenderOf(context).Send(query, context.CancellationToken);
        return result.IsSuccess ? result.Value : throw GraphQLProblems.From(result.Error!);
    }

    public static async Task<T> CommandAsync<T>(IResolveFieldContext context, ICommand<Result<T>> command, bool versionStated = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await SenderOf(context).Send(command, context.CancellationToken);
        return result.IsSuccess ? result.Value : throw GraphQLProblems.From(result.Error!, versionStated);
    }

    public static ISender SenderOf(IResolveFieldContext context) =>
        context.RequestServices?.GetRequiredService<ISender>() ?? throw new InvalidOperationException("GraphQL runs with the request's services.");

    /// <summary>An <c>ID</c> argument as a Guid, or a <c>validation-failed</c> error naming it.</summary>
    public static Guid GuidArgument(IResolveFieldContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.GetArgument<string>(name);
        return Guid.TryParse(text, out var id)
            ? id
            : throw new ExecutionError($"'{name}' must be a UUID.")
            {
                Code = GraphQLProblems.CodeOf(ProblemTypes.ValidationFailed),
                Extensions = new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [name] = [$"'{name}' must be a UUID."] } },
            };
    }
}
