using Reference.Web.Composition;
using Reference.Web.GraphQL;

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

/// <summary>Entry point, public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
