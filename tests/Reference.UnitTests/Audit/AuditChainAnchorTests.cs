using Reference.SharedKernel.Ports;

namespace Reference.UnitTests.Audit;

/// <summary>A chain whose oldest records were pruned verifies from its anchor, and only from its true anchor.</summary>
public sealed class AuditChainAnchorTests
{
    private static readonly IReadOnlyList<AuditRecord> Chain = Build(5);

    [Fact]
    public void The_records_after_an_anchor_verify_from_it()
    {
        var anchor = new AuditChainAnchor(2, Chain[1].Hash!);

        Assert.Equal(new AuditChainVerification(true, 3, null), AuditChain.Verify(Chain.Skip(2), anchor));
    }

    [Fact]
    public void Without_its_anchor_a_pruned_chain_is_broken_at_its_first_record()
    {
        Assert.Equal(new AuditChainVerification(false, 0, 3), AuditChain.Verify(Chain.Skip(2)));
    }

    [Fact]
    public void An_anchor_with_another_hash_breaks_the_first_record()
    {
        var forged = new AuditChainAnchor(2, Chain[0].Hash!);

        Assert.Equal(new AuditChainVerification(false, 0, 3), AuditChain.Verify(Chain.Skip(2), forged));
    }

    [Fact]
    public void A_record_missing_right_after_the_anchor_is_a_gap()
    {
        var anchor = new AuditChainAnchor(2, Chain[1].Hash!);

        Assert.Equal(new AuditChainVerification(false, 0, 4), AuditChain.Verify(Chain.Skip(3), anchor));
    }

    [Fact]
    public void An_anchor_with_no_records_after_it_verifies_as_empty()
    {
        Assert.Equal(new AuditChainVerification(true, 0, null), AuditChain.Verify([], new AuditChainAnchor(5, Chain[4].Hash!)));
    }

    private static List<AuditRecord> Build(int count)
    {
        var records = new List<AuditRecord>();
        string? previousHash = null;
        for (var sequence = 1; sequence <= count; sequence++)
        {
            var record = new AuditRecord(
                Guid.NewGuid(),
                new DateTimeOffset(2026, 1, sequence, 0, 0, 0, TimeSpan.Zero),
                "acme",
                new AuditActor("user-1", "Ada", ["clerk"]),
                $"action-{sequence}",
                null,
                AuditOutcome.Succeeded,
                null,
                1,
                null,
                null);
            record = record with { Sequence = sequence, PreviousHash = previousHash };
            record = record with { Hash = AuditHashing.Compute(record, previousHash) };
            records.Add(record);
            previousHash = record.Hash;
        }

        return records;
    }
}
