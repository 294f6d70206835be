using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Projections;

namespace Reference.UnitTests.Projections.Support;

public sealed record TallyOpened(string TallyId, string Label) : DomainEvent;

public sealed record TallyAdded(string TallyId, int Amount) : DomainEvent;

public sealed record TallyClosed(string TallyId) : DomainEvent;

/// <summary>An event the projection does not handle (another feature's, or a newer deployment's).</summary>
public sealed record SomethingElseHappened(string Detail) : DomainEvent;

/// <summary>A read model that counts every event applied to it, so doubles and skips both show.</summary>
public sealed class Tally : IReadModel
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string Label { get; set; } = "";

    public int Total { get; set; }

    public int Applied { get; set; }

    public string Stream { get; set; } = "";
}

/// <summary>
/// A projection for engine tests. <see cref="PoisonAmount"/> makes one kind of event throw,
/// as a bug in a handler would, until a "fix" sets it back to null.
/// </summary>
public sealed class TallyProjection : Projection<Tally>
{
    public TallyProjection()
        : base("tally")
    {
        Create<TallyOpened>(e => e.TallyId, e => new Tally { Label = e.Data.Label, Applied = 1, Stream = e.StreamId });
        Update<TallyAdded>(e => e.TallyId, (tally, e) =>
        {
            tally.Applied++;
            if (e.Data.Amount == PoisonAmount)
            {
                throw new InvalidOperationException($"Amount {e.Data.Amount} is poison.");
            }

            tally.Total += e.Data.Amount;
        });
        Delete<TallyClosed>(e => e.TallyId);
    }

    public int? PoisonAmount { get; set; }
}
