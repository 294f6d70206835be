using Reference.Features;
using Reference.Infrastructure.Jobs;
using Reference.Infrastructure.Messaging;
using Reference.Infrastructure.Processes;
using Reference.Infrastructure.Projections;
using Reference.Infrastructure.ReadStore;

namespace Reference.Web.Composition;

public static class ReadSideRegistration
{
    /// <summary>
    /// The read side and what runs behind requests: the read store selected by configuration, the slices'
    /// projections and their engine, the outbox dispatcher with its broker, the job server and the process managers. Each
    /// capability reads and validates its own section.
    /// </summary>
    public static IServiceCollection AddReferenceReadSide(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReadStore(configuration);
        services.AddProjections(configuration, FeaturesAssembly.Assembly);
        services.AddMessaging(configuration);
        services.AddJobs(configuration);
        services.AddProcesses(configuration, FeaturesAssembly.Assembly);
        return services;
    }

    /// <summary>The jobs dashboard and the operator endpoints of projections and the outbox.</summary>
    public static WebApplication UseReferenceReadSide(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseJobsDashboard();
        app.MapProjectionAdmin();
        app.MapOutboxAdmin();
        app.MapProcessAdmin();
        return app;
    }
}
