using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Projections;

namespace Reference.Infrastructure.Projections;

/// <summary>Registers projections declared in feature assemblies with the engine.</summary>
public static class ProjectionRegistration
{
    /// <summary>
    /// Registers every concrete <see cref="Projection{TReadModel}"/> in <paramref name="assemblies"/>:
    /// the projection, its runner and (through the selected read store's open generic) its store.
    /// </summary>
    public static IServiceCollection AddProjectionsFrom(this IServiceCollection services, params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsAbstract: false, IsClass: true }))
        {
            var readModel = ReadModelTypeOf(type);
            if (readModel is not null)
            {
                AddProjection(services, type, readModel);
            }
        }

        return services;
    }

    public static IServiceCollection AddProjection<TProjection, TReadModel>(this IServiceCollection services)
        where TProjection : Projection<TReadModel>
        where TReadModel : class, IReadModel =>
        AddProjection(services, typeof(TProjection), typeof(TReadModel));

    /// <summary>The read-model types of every registered projection (the relational store maps them to tables).</summary>
    public static IReadOnlyList<Type> ReadModelTypes(IServiceCollection services) =>
        services.Where(d => d.ServiceType == typeof(ReadModelRegistration))
            .Select(d => ((ReadModelRegistration)d.ImplementationInstance!).ReadModelType)
            .ToList();

    private static IServiceCollection AddProjection(IServiceCollection services, Type projectionType, Type readModel)
    {
        if (services.Any(d => d.ServiceType == projectionType))
        {
            return services;
        }

        var projectionService = typeof(Projection<>).MakeGenericType(readModel);
        services.AddSingleton(projectionType);
        services.AddSingleton(projectionService, sp => sp.GetRequiredService(projectionType));
        services.AddSingleton<IProjection>(sp => (IProjection)sp.GetRequiredService(projectionType));
        services.AddSingleton(typeof(IProjectionRunner), sp =>
            ActivatorUtilities.CreateInstance(sp, typeof(ProjectionRunner<>).MakeGenericType(readModel), SignallingStore(sp, readModel)));
        services.AddSingleton(new ReadModelRegistration(readModel, projectionType));
        services.TryAddSingleton<ProjectionSignal>();
        services.TryAddSingleton(typeof(ReadModelCommitSignal<>));
        return services;
    }

    /// <summary>The read model's store, wrapped so each batch the runner commits wakes readers waiting for it.</summary>
    private static object SignallingStore(IServiceProvider services, Type readModel) =>
        ActivatorUtilities.CreateInstance(
            services,
            typeof(CommitSignallingReadModelStore<>).MakeGenericType(readModel),
            services.GetRequiredService(typeof(IReadModelStore<>).MakeGenericType(readModel)));

    private static Type? ReadModelTypeOf(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(Projection<>))
            {
                return current.GetGenericArguments()[0];
            }
        }

        return null;
    }
}

/// <summary>Records that a read-model type is projected, so stores can map it.</summary>
public sealed record ReadModelRegistration(Type ReadModelType, Type ProjectionType);
