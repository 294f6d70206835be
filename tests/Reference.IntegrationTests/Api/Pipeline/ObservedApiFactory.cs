using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Reference.IntegrationTests.Api.Support;
using Reference.SharedKernel.Ports;

namespace Reference.IntegrationTests.Api.Pipeline;

/// <summary>The application with a recording innermost behaviour and a counting unit of work.</summary>
public sealed class ObservedApiFactory : ReferenceApiFactory
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<HandlerContextRecorder>();
        services.AddSingleton<UnitOfWorkCounter>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(RecordingBehaviour<,>));

        var original = services.Last(d => d.ServiceType == typeof(IUnitOfWork));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(
            typeof(IUnitOfWork),
            sp => new CountingUnitOfWork(Create(sp, original), sp.GetRequiredService<UnitOfWorkCounter>()),
            original.Lifetime));
    }

    private static IUnitOfWork Create(IServiceProvider services, ServiceDescriptor descriptor) => (IUnitOfWork)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
