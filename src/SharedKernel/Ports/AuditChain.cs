namespace Reference.SharedKernel.Ports;

/// <summary>Verifies a tenant's audit records, read in sequence order, as one hash chain.</summary>
public static class AuditChain
{
    /// <summary>
    /// Walks the chain and stops at the first record that does not follow from the one before it:
    /// a gap in the sequence (a deleted record), a previous-hash that does not match, or a hash that
    /// does not match the record's content (an edited record). With an <paramref name="anchor"/> (left by
    /// retention pruning) the first record must follow the anchor instead of starting the chain.
    /// </summary>
    public static AuditChainVerification Verify(IEnumerable<AuditRecord> records, AuditChainAnchor? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        long checkedCount = 0;
        var previousSequence = anchor?.Sequence ?? 0;
        var previousHash = anchor?.Hash;
        foreach (var record in records)
        {
            var intact = record.Sequence == previousSequence + 1
                && record.PreviousHash == previousHash
                && record.Hash == AuditHashing.Compute(record, previousHash);
            if (!intact)
            {
                return new AuditChainVerification(false, checkedCount, record.Sequence);
            }

            checkedCount++;
            previousSequence = record.Sequence;
            previousHash = record.Hash;
        }

        return new AuditChainVerification(true, checkedCount, null);
    }
}
