using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reference.SharedKernel.Application.Idempotency;

namespace Reference.Infrastructure.Idempotency;

public static class IdempotencyServiceCollectionExtensions
{
    /// <summary>
    /// Idempotency keys on the write side's database (section <c>Idempotency</c>, validated at start-up). The
    /// pipeline steps that use them are <c>IdempotencyBehaviour</c> and <c>IdempotencyCompletionBehaviour</c>;
    /// an endpoint opts in with <c>AcceptsIdempotencyKey()</c>.
    /// </summary>
    public static IServiceCollection AddIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        const string Section = IdempotencyOptions.Section;
        services.AddOptions<IdempotencyOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(o => o.Retention > TimeSpan.Zero, $"{Section}:Retention must be positive.")
            .Validate(o => o.InFlightLease > TimeSpan.Zero, $"{Section}:InFlightLease must be positive.")
            .Validate(o => o.InFlightWait >= TimeSpan.Zero && o.InFlightWait < o.InFlightLease, $"{Section}:InFlightWait must be zero or more and shorter than {Section}:InFlightLease.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, $"{Section}:PollInterval must be positive.")
            .Validate(o => o.PruneBatch is >= 0 and <= 1_000, $"{Section}:PruneBatch must be between 0 and 1000.")
            .ValidateOnStart();
        services.TryAddScoped<IdempotentRequest>();
        services.TryAddScoped<IdempotencyClaims>();
        services.TryAddScoped<IIdempotencyStore, RelationalIdempotencyStore>();
        return services;
    }
}
