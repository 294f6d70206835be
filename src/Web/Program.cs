using Reference.Web.Cli;
using Reference.Web.Composition;
using Reference.Web.GraphQL;

// A management command (migrate, projections, outbox, audit, tenants) runs without starting the host.
if (ReferenceCli.IsCommand(args))
{
    return await ReferenceCli.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddReferenceApi(builder.Configuration);
builder.Services.AddReferencePersistence(builder.Configuration);
builder.Services.AddReferenceReadSide(builder.Configuration);
builder.Services.AddReferenceGraphQL(builder.Configuration);

var app = builder.Build();

app.UseReferenceApi();
app.UseReferenceReadSide();
app.MapReferenceGraphQL();

await app.RunAsync();
return 0;

/// <summary>Entry point, public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
