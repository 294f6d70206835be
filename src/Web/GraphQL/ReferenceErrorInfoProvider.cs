using GraphQL;
using GraphQL.Execution;
using GraphQL.PersistedDocuments;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;
using Reference.Features.Shared.Http;

namespace Reference.Web.GraphQL;

/// <summary>
/// Every error carries <c>extensions.code</c>: a failure of a use case its REST problem code (set by
/// <see cref="GraphQLProblems"/>), a document over the limits <c>query-too-complex</c>, a refused introspection
/// <c>forbidden</c>, a document outside the allow-list <c>persisted-document-required</c> or
/// <c>persisted-document-not-found</c>, any other invalid document <c>validation-failed</c> (or
/// <c>malformed-request</c> when it does not parse), and anything unexpected <c>internal-error</c> without details.
/// </summary>
public sealed class ReferenceErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeCodes = false, ExposeData = false })
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        var info = base.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        extensions.Remove("number");
        extensions["code"] = CodeOf(executionError);
        foreach (var (key, value) in executionError.Extensions ?? new Dictionary<string, object?>())
        {
            extensions[key] = value;
        }

        return new ErrorInfo { Message = info.Message, Extensions = extensions };
    }

    private static string CodeOf(ExecutionError error) => error switch
    {
        ComplexityError => "query-too-complex",
        NoIntrospectionError => GraphQLProblems.CodeOf(ProblemTypes.Forbidden),
        DocumentIdMissingError or InvalidRequestError => "persisted-document-required",
        DocumentNotFoundError or DocumentIdInvalidError => "persisted-document-not-found",
        SyntaxError => GraphQLProblems.CodeOf(ProblemTypes.MalformedRequest),
        ValidationError or InvalidVariableError or DocumentError => GraphQLProblems.CodeOf(ProblemTypes.ValidationFailed),
        UnhandledError => GraphQLProblems.CodeOf(ProblemTypes.InternalError),
        { Code: { } code } => code,
        _ => GraphQLProblems.CodeOf(ProblemTypes.InternalError),
    };
}
