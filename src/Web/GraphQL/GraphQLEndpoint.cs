using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;
using Reference.Features.Shared.Http;
using Reference.SharedKernel.Identity;

namespace Reference.Web.GraphQL;

/// <summary>
/// <c>POST /graphql</c>: a GraphQL-over-HTTP request (<c>query</c> or <c>documentId</c>, <c>variables</c>,
/// <c>operationName</c>) executed by GraphQL.NET inside the API's own pipeline, so the caller is authenticated and
/// the tenant resolved exactly as for REST. The answer is 200 <c>{ data, errors }</c>; a body that is not a GraphQL
/// request is a 400 problem.
/// </summary>
public static partial class GraphQLEndpoint
{
    public const string Route = "/graphql";

    /// <summary>The OpenAPI tag of the endpoint, and its description for the document's tag list.</summary>
    public const string Tag = "GraphQL";

    public const string TagDescription =
        "GraphQL over the same use cases as the REST API (orders, customers, the current tenant), with depth, " +
        "complexity and page-size limits and an optional persisted-documents allow-list (docs/graphql.md).";

    public static IEndpointRouteBuilder MapReferenceGraphQL(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, ExecuteAsync)
            .WithName("GraphQL")
            .WithTags(Tag)
            .WithSummary("Runs a GraphQL query or mutation over the same use cases as the REST API.")
            .WithDescription("See docs/graphql.md. Errors carry `extensions.code`, the REST problem type's last segment.")
            .Accepts<GraphQLRequest>("application/json")
            .Produces<object>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static async Task ExecuteAsync(
        HttpContext http,
        IDocumentExecuter<ReferenceSchema> executer,
        IGraphQLTextSerializer serializer,
        IOptions<GraphQLOptions> options,
        IPermissionChecker permissions,
        ICurrentUser currentUser,
        IHostEnvironment environment,
        ILoggerFactory loggers)
    {
        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        }
        catch (JsonException e)
        {
            await MalformedAsync(http, $"The body is not a GraphQL request: {e.Message}");
            return;
        }

        if (request is null)
        {
            await MalformedAsync(http, "The body is not a GraphQL request.");
            return;
        }

        var introspection = environment.IsDevelopment()
            || await permissions.IsGrantedAsync(currentUser.Principal, options.Value.IntrospectionPermission, http.RequestAborted);
        var logger = loggers.CreateLogger(typeof(GraphQLEndpoint));
        var result = await executer.ExecuteAsync(o =>
        {
            o.Query = request.Query;
            o.DocumentId = request.DocumentId;
            o.OperationName = request.OperationName;
            o.Variables = request.Variables;
            o.Extensions = request.Extensions;
            o.RequestServices = http.RequestServices;
            o.User = http.User;
            o.CancellationToken = http.RequestAborted;
            if (!introspection)
            {
                o.ValidationRules = DocumentValidator.CoreRules.Append(NoIntrospectionValidationRule.Instance);
            }

            o.UnhandledExceptionDelegate = context =>
            {
                LogUnhandled(logger, context.Exception, context.FieldContext?.FieldDefinition.Name);
                return Task.CompletedTask;
            };
        });

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static Task MalformedAsync(HttpContext http, string detail) =>
        ApiProblems.WriteAsync(http, ApiProblems.Create(http, StatusCodes.Status400BadRequest, ProblemTypes.MalformedRequest, "The request body is malformed.", detail));

    [LoggerMessage(Level = LogLevel.Error, Message = "A GraphQL resolver failed unexpectedly (field {Field}).")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string? field);
}
