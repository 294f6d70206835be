using Microsoft.EntityFrameworkCore;

namespace Reference.Infrastructure.Persistence.State;

/// <summary>One state-stored aggregate type registered by the composition root, and how to map it.</summary>
public interface IStateStoredAggregateRegistration
{
    Type AggregateType { get; }

    void Configure(ModelBuilder modelBuilder, StateDbContext context);
}
