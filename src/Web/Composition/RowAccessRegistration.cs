using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.SharedKernel.Filtering;

namespace Reference.Web.Composition;

public static class RowAccessRegistration
{
    /// <summary>
    /// Every <see cref="IRowAccessPolicy{T}"/> in the assembly, scoped like the handlers that ask for it, and also
    /// as itself (one instance per scope either way), so a slice can ask its policy about one row by id.
    /// A list handler without a policy for its read model fails at resolution rather than listing unrestricted.
    /// </summary>
    public static IServiceCollection AddRowAccessPolicies(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var policies = assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false });
        foreach (var policy in policies)
        {
            var contracts = policy.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRowAccessPolicy<>));
            foreach (var contract in contracts)
            {
                services.TryAddScoped(policy);
                services.AddScoped(contract, sp => sp.GetRequiredService(policy));
            }
        }

        return services;
    }
}
