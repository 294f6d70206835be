using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.Features.Payments.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Payments;

/// <summary>
/// What the Payments slice tells the host: a payment is event-sourced, one per order; the provider is the simulator
/// configured by <c>Payments:Simulator</c> (<c>DeclineAbove</c>, <c>Delay</c>) unless the host registers another <see cref="IPaymentGateway"/>.
/// </summary>
public sealed class PaymentsModule : IFeatureModule
{
    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PaymentSimulatorOptions.Section).Get<PaymentSimulatorOptions>() ?? new PaymentSimulatorOptions();
        if (options.Delay < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{PaymentSimulatorOptions.Section}:Delay must not be negative; it is {options.Delay}.");
        }

        if (options.DeclineAbove < 0)
        {
            throw new InvalidOperationException($"{PaymentSimulatorOptions.Section}:DeclineAbove must not be negative; it is {options.DeclineAbove}.");
        }

        services.AddSingleton(new EventSourcedAggregateDefinition<Payment, string>(Payment.ForReplay));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPaymentGateway>(sp => new SimulatedPaymentGateway(options, sp.GetRequiredService<TimeProvider>()));
    }
}
