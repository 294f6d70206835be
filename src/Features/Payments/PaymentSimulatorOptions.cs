namespace Reference.Features.Payments;

/// <summary>The simulated provider (section <c>Payments:Simulator</c>).</summary>
public sealed class PaymentSimulatorOptions
{
    public const string Section = "Payments:Simulator";

    /// <summary>Amounts above it are declined; unset, nothing is.</summary>
    public decimal? DeclineAbove { get; set; }

    /// <summary>How long the provider takes to answer.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;
}
