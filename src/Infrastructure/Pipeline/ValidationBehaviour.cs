using FluentValidation;
using Mediator;
using Reference.Infrastructure.Audit;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Application.Messaging;
using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Pipeline;

/// <summary>
/// Step 4: runs every FluentValidation validator of the message and reports all failures at once,
/// grouped by field. It protects every entry point, not only HTTP. A rejected command is audited
/// here, because the audit step further in never sees it.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(
    IEnumerable<IValidator<TMessage>> validators,
    IAuditRecorder audit)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailureFactory<TResponse>
{
    private readonly IValidator<TMessage>[] _validators = [.. validators];

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (_validators.Length == 0)
        {
            return await next(message, cancellationToken);
        }

        var context = new ValidationContext<TMessage>(message);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        var fields = failures
            .GroupBy(f => ToCamelCase(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
        var error = Error.Validation(fields);

        if (message is IAuditable auditable)
        {
            await audit.RecordAsync(auditable, AuditOutcome.Rejected, error.Code, TimeSpan.Zero, cancellationToken);
        }

        return TResponse.FromError(error);
    }

    // Field names are reported as clients send them (JSON camelCase), including nested paths such as lines[0].quantity.
    private static string ToCamelCase(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment =>
            segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
