using Reference.SharedKernel.Ports;

namespace Reference.Infrastructure.Audit;

/// <summary>Walks one tenant's records in sequence order and reports the first link whose hash does not recompute.</summary>
public static class AuditChain
{
    public static AuditChainVerification Verify(IEnumerable<AuditRecord> chainInOrder)
    {
        ArgumentNullException.ThrowIfNull(chainInOrder);
        string? previousHash = null;
        long checkedCount = 0;
        foreach (var record in chainInOrder)
        {
            checkedCount++;
            if (record.PreviousHash != previousHash || AuditHashing.Compute(record, previousHash) != record.Hash)
            {
                return new AuditChainVerification(false, checkedCount, record.Sequence);
            }

            previousHash = record.Hash;
        }

        return new AuditChainVerification(true, checkedCount, null);
    }
}
