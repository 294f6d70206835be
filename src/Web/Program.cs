using Reference.Web.Composition;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddReferenceApi(builder.Configuration);
builder.Services.AddReferencePersistence(builder.Configuration);
builder.Services.AddReferenceReadSide(builder.Configuration);

var app = builder.Build();

app.UseReferenceApi();
app.UseReferenceReadSide();

await app.RunAsync();

/// <summary>Entry point, public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
