using GraphQL;
using Reference.Features.Shared.Http;
using Reference.SharedKernel.Application;

namespace Reference.Web.GraphQL;

/// <summary>
/// A use case's expected failure as a GraphQL error. Its <c>extensions.code</c> is the last segment of the problem
/// <c>type</c> the REST API answers for the same failure: the type comes from <see cref="ApiProblems.FromError"/>,
/// the one table, so the two surfaces cannot drift apart.
/// </summary>
public static class GraphQLProblems
{
    public static ExecutionError From(Error error, bool versionStated = false)
    {
        ArgumentNullException.ThrowIfNull(error);

        // The table reads If-Match to tell a stale stated version (412) from a lost race (409); an expectedVersion argument states one.
        var context = new DefaultHttpContext();
        if (versionStated)
        {
            context.Request.Headers.IfMatch = "\"0\"";
        }

        var problem = ApiProblems.FromError(context, error);
        var exception = new ExecutionError(error.Message) { Code = CodeOf(problem.Type) };
        exception.Extensions ??= new Dictionary<string, object?>();
        foreach (var (key, value) in problem.Extensions.Where(e => e.Key != "traceId"))
        {
            exception.Extensions[key == "code" ? "reason" : key] = value;
        }

        return exception;
    }

    /// <summary>An error of the GraphQL surface itself, with one of the REST problem codes.</summary>
    public static ExecutionError Of(string problemType, string message) => new(message) { Code = CodeOf(problemType) };

    public static string CodeOf(string? problemType) =>
        problemType is null ? "internal-error" : problemType[(problemType.LastIndexOf('/') + 1)..];
}
