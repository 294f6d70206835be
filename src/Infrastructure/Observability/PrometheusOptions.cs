using System.Net;

namespace Reference.Infrastructure.Observability;

/// <summary>
/// <c>Observability:Prometheus</c>: the <c>GET /metrics</c> scrape endpoint. Callers from <see cref="AllowedNetworks"/>
/// (loopback only by default) scrape it anonymously; anyone else needs a token holding <see cref="Permission"/>.
/// </summary>
public sealed class PrometheusOptions
{
    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/metrics";

    /// <summary>CIDR ranges (e.g. <c>10.0.0.0/8</c>) whose callers may scrape without a token. Empty: loopback only.</summary>
    public IList<string> AllowedNetworks { get; } = [];

    /// <summary>What a caller outside <see cref="AllowedNetworks"/> needs; metrics span tenants, so a platform permission.</summary>
    public string Permission { get; set; } = "platform.metrics.read";

    /// <summary>The parsed networks; loopback (<c>127.0.0.0/8</c> and <c>::1</c>) when none is configured.</summary>
    public IReadOnlyList<IPNetwork> Networks() =>
        AllowedNetworks.Count == 0
            ? [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]
            : [.. AllowedNetworks.Select(IPNetwork.Parse)];

    /// <summary>Whether <paramref name="address"/> may scrape anonymously. An unknown address (no socket) is not trusted.</summary>
    public bool AllowsAnonymous(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var normalized = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return Networks().Any(network => network.Contains(normalized));
    }

    internal bool NetworksParse() => AllowedNetworks.All(network => IPNetwork.TryParse(network, out _));
}
