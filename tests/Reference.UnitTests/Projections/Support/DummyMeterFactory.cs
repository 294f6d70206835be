using System.Diagnostics.Metrics;

namespace Reference.UnitTests.Projections.Support;

/// <summary>A meter factory that owns the meters it creates, for components tested without a host.</summary>
public sealed class DummyMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
