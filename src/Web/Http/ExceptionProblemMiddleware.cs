using Microsoft.AspNetCore.Mvc;
using Reference.Features.Shared.Http;
using Reference.SharedKernel.Application;

namespace Reference.Web.Http;

/// <summary>
/// The outermost middleware, for what the mediator's failure channel did not already turn into a result: a
/// request the server could not read (400, 413), and an exception with an expected meaning thrown outside a
/// use case, answered from the same table (<see cref="ExpectedFailures"/>, <see cref="ApiProblems"/>).
/// Anything else is a bug, answered with a 500 problem that reveals nothing and logged with its trace id.
/// </summary>
public sealed partial class ExceptionProblemMiddleware(RequestDelegate next, ILogger<ExceptionProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var problem = Map(context, ex);
            if (problem.Status == StatusCodes.Status500InternalServerError)
            {
                LogUnhandled(logger, ex, context.Request.Method, context.Request.Path);
            }

            context.Response.Clear();
            await ApiProblems.WriteAsync(context, problem);
        }
    }

    private static ProblemDetails Map(HttpContext context, Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => StatusCodeProblems.Create(context, StatusCodes.Status413PayloadTooLarge),
        BadHttpRequestException bad => ApiProblems.Create(context, bad.StatusCode, ProblemTypes.MalformedRequest, "The request could not be read.", bad.Message),

        // Work outside the mediator (operator endpoints) gets the same answer as a use case would.
        _ when ExpectedFailures.TryTranslate(exception, out var error) => ApiProblems.FromError(context, error),
        _ => ApiProblems.Create(context, StatusCodes.Status500InternalServerError, ProblemTypes.InternalError, "An unexpected error occurred.", "The error was logged with this trace id."),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
