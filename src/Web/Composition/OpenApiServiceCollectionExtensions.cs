using FastEndpoints.Swagger;
using Reference.Web.Http;
using Reference.Web.OpenApi;

namespace Reference.Web.Composition;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, written for the client generators that consume it (NSwag,
/// Kiota, openapi-generator) and kept lint-clean under Spectral's <c>spectral:oas</c> ruleset by a test: short
/// schema names, declared and described tags, a summary and a description on every operation (the endpoints'
/// own <c>Summary</c>/<c>WithDescription</c>), every problem response documented per status, a security
/// requirement on every operation, and no unused schema.
/// </summary>
public static class OpenApiServiceCollectionExtensions
{
    public const string DocumentName = "v1";

    public const string DocumentPath = "/openapi/{documentName}.json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.SwaggerDocument(options =>
        {
            options.EnableJWTBearerAuth = true;

            // PlaceOrderRequest, not ReferenceFeaturesOrdersPlaceOrderPlaceOrderRequest; a test keeps the names unique.
            options.ShortSchemaNames = true;

            // Tags come from the endpoints (WithTags), not from the first path segment ("api").
            options.AutoTagPathSegmentIndex = 0;
            options.DocumentSettings = settings =>
            {
                settings.DocumentName = DocumentName;
                settings.Title = "Reference API";
                settings.Version = "v1";
                settings.Description = ApiDescription.Text;
                settings.OperationProcessors.Add(new HeaderParameterNames());
                settings.OperationProcessors.Add(new IdempotencyKeyParameter());
                settings.OperationProcessors.Add(new OperationIds());
                settings.OperationProcessors.Add(new EndpointTexts());
                settings.OperationProcessors.Add(new OperationSecurity());
                settings.OperationProcessors.Add(new ProblemResponses());
                settings.DocumentProcessors.Add(new DocumentTags());
                settings.DocumentProcessors.Add(new UnusedSchemas());
                settings.PostProcess = document => document.Info.Contact = ApiDescription.Contact;
            };
        });
        return services;
    }

    /// <summary>Serves the document (public: clients generate code from it) and, in Development, the Swagger UI.</summary>
    public static WebApplication UseApiDocument(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOpenApi(document => document.Path = DocumentPath);
        if (app.Environment.IsDevelopment())
        {
            app.UseSwaggerUi(ui =>
            {
                ui.Path = "/swagger";
                ui.DocumentPath = DocumentPath;
            });
        }

        return app;
    }
}
