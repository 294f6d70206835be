using System.Text.Json.Nodes;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Reference.Web.OpenApi;

/// <summary>
/// Removes the component schemas no operation reaches. The generator also emits schemas for request types whose
/// every property is bound from the route or the query (<c>GetOrderRequest</c>, <c>ListRequest</c>); nothing refers
/// to them, and client generators would turn them into dead classes.
/// </summary>
internal sealed class UnusedSchemas : IDocumentProcessor
{
    private const string SchemaPrefix = "#/components/schemas/";

    public void Process(DocumentProcessorContext context)
    {
        var schemas = context.Document.Components.Schemas;
        var json = JsonNode.Parse(context.Document.ToJson())!;
        var definitions = json["components"]?["schemas"]?.AsObject();
        if (definitions is null)
        {
            return;
        }

        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(ReferencesIn(json["paths"]));
        while (pending.TryPop(out var name))
        {
            if (reachable.Add(name))
            {
                foreach (var referenced in ReferencesIn(definitions[name]))
                {
                    pending.Push(referenced);
                }
            }
        }

        foreach (var unused in schemas.Keys.Where(name => !reachable.Contains(name)).ToList())
        {
            schemas.Remove(unused);
        }
    }

    private static IEnumerable<string> ReferencesIn(JsonNode? node) => node switch
    {
        JsonObject properties => properties.SelectMany(property =>
            property.Key == "$ref" && property.Value?.GetValue<string>() is { } target && target.StartsWith(SchemaPrefix, StringComparison.Ordinal)
                ? [target[SchemaPrefix.Length..]]
                : ReferencesIn(property.Value)),
        JsonArray items => items.SelectMany(ReferencesIn),
        _ => [],
    };
}
