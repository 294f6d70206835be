namespace Reference.SharedKernel.Application;

/// <summary>
/// An expected failure: a stable machine-readable code, a human message, its kind, and for
/// validation errors the failing fields.
/// </summary>
public sealed record Error(string Code, string Message, ErrorKind Kind)
{
    public IReadOnlyDictionary<string, string[]> Fields { get; init; } = new Dictionary<string, string[]>();

    /// <summary>What the failure tells the client beyond its code and message: a conflict's current version, a bad filter's field and position.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; init; } = new Dictionary<string, object?>();

    public static Error NotFound(string resource, string id) =>
        new($"{resource}.not_found", $"{resource} '{id}' was not found.", ErrorKind.NotFound);

    public static Error AlreadyExists(string resource, string id) =>
        new($"{resource}.already_exists", $"{resource} '{id}' already exists.", ErrorKind.AlreadyExists);

    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);

    public static Error RuleViolated(string code, string message) => new(code, message, ErrorKind.RuleViolated);

    /// <summary>The read model of <paramref name="resource"/> has not reached <paramref name="minVersion"/> within the consistency wait.</summary>
    public static Error NotYetConsistent(string resource, string id, long minVersion) =>
        new(
            $"{resource}.not_yet_consistent",
            $"{resource} '{id}' has not reached version {minVersion} in the read model yet; retry shortly.",
            ErrorKind.NotYetConsistent);

    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) =>
        new("validation.failed", "One or more fields are invalid.", ErrorKind.Validation) { Fields = fields };
}
