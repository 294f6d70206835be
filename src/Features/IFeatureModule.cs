using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Reference.Features;

/// <summary>
/// A slice's own wiring, in the slice's folder (<c>Orders/OrdersModule.cs</c>): what a scan of the assembly cannot know,
/// such as how its aggregates are stored and the options it reads. <see cref="FeatureModules"/> finds every module.
/// </summary>
public interface IFeatureModule
{
    void Register(IServiceCollection services, IConfiguration configuration);
}
