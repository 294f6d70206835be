using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reference.IntegrationTests.Api.Support;

namespace Reference.IntegrationTests.Api.OpenApi;

/// <summary>
/// The OpenAPI document as client generators (NSwag, Kiota, openapi-generator) read it, fetched from the running
/// application: lint-clean under Spectral's <c>spectral:oas</c> ruleset, short unique schema names, failures as
/// problem details, and security requirements that match what the endpoints really do.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class OpenApiDocumentTests(ReferenceApiFactory app)
{
    private const string ProblemContentType = "application/problem+json";
    private const string ProblemSchema = "#/components/schemas/ProblemDetails";
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<string> DocumentAsync()
    {
        var response = await app.Anonymous().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => Methods.Contains(operation.Name))
                .Select(operation => (path.Name, operation.Name, operation.Value)));

    [Fact]
    public async Task The_document_has_no_error_and_no_warning_under_spectral_oas()
    {
        var findings = await SpectralLinter.LintAsync(await DocumentAsync());

        var problems = findings.Where(f => f.Severity is SpectralFinding.Error or SpectralFinding.Warning).ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} Spectral findings:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public async Task Schema_names_are_short_type_names_and_none_is_a_renamed_duplicate()
    {
        using var document = JsonDocument.Parse(await DocumentAsync());
        var names = document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();

        Assert.Contains("CreateTenantRequest", names);
        Assert.Contains("ProblemDetails", names);
        Assert.All(names, name => Assert.Matches(ShortTypeName(), name));
        Assert.All(names, name => Assert.False(
            name.StartsWith("Reference", StringComparison.Ordinal) || name.StartsWith("Microsoft", StringComparison.Ordinal),
            $"{name} carries its namespace."));

        // Two types of the same short name would be told apart by a counter (OrderDetails2): rename one instead.
        var duplicates = names.Where(name => DuplicateSuffix().Match(name) is { Success: true } match && names.Contains(match.Groups[1].Value)).ToList();
        Assert.True(duplicates.Count == 0, $"Schemas renamed to stay unique: {string.Join(", ", duplicates)}.");
    }

    [Fact]
    public async Task Every_failure_response_is_problem_details_and_every_operation_documents_401_and_403()
    {
        using var document = JsonDocument.Parse(await DocumentAsync());

        foreach (var (path, method, operation) in Operations(document.RootElement))
        {
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out _), $"{method} {path} does not document 401.");
            Assert.True(responses.TryGetProperty("403", out _), $"{method} {path} does not document 403.");
            foreach (var response in responses.EnumerateObject().Where(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture) >= 400))
            {
                var content = response.Value.GetProperty("content").EnumerateObject().ToList();
                var where = $"{method} {path} {response.Name}";
                Assert.True(content.Count == 1 && content[0].Name == ProblemContentType, $"{where} is not only {ProblemContentType}.");
                Assert.Equal(ProblemSchema, content[0].Value.GetProperty("schema").GetProperty("$ref").GetString());
                Assert.False(string.IsNullOrWhiteSpace(response.Value.GetProperty("description").GetString()), $"{where} has no description.");
            }
        }
    }

    [Fact]
    public async Task Every_operation_states_its_security_and_the_secured_ones_refuse_an_anonymous_caller()
    {
        using var document = JsonDocument.Parse(await DocumentAsync());
        var anonymous = app.Anonymous();

        foreach (var (path, method, operation) in Operations(document.RootElement))
        {
            Assert.True(operation.TryGetProperty("security", out var security), $"{method} {path} states no security requirement.");
            var url = RouteParameter().Replace(path, _ => Guid.NewGuid().ToString());
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(url, UriKind.Relative));
            if (method is "post" or "put" or "patch")
            {
                request.Content = JsonContent.Create(new { });
            }

            var status = (await anonymous.SendAsync(request)).StatusCode;
            if (security.GetArrayLength() > 0)
            {
                Assert.True(status == HttpStatusCode.Unauthorized, $"{method} {path} requires a token by its document but answered {(int)status} without one.");
            }
            else
            {
                Assert.True(status != HttpStatusCode.Unauthorized, $"{method} {path} is anonymous by its document but answered 401.");
            }
        }
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex ShortTypeName();

    [GeneratedRegex("^(.*[A-Za-z])[0-9]+$")]
    private static partial Regex DuplicateSuffix();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
