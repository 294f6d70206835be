using System.Diagnostics;

namespace Reference.Infrastructure.Pipeline;

/// <summary>The activity source of the mediator pipeline; register it with OpenTelemetry to export its spans.</summary>
public static class PipelineTelemetry
{
    public const string SourceName = "Reference.Pipeline";

    public static readonly ActivitySource Source = new(SourceName);
}
