namespace Reference.SharedKernel.Ports;

/// <summary>Verifies a tenant's audit records, read in sequence order, as one hash chain.</summary>
public static class AuditChain
{
    /// <summary>
    /// Walks the chain and stops at the first record that does not follow from the one before it:
    /// a gap in the sequence (a deleted record), a previous-hash that does not match, or a hash that
    /// does not match the record's content (an edited record).
    /// </summary>
    public static AuditChainVerification Verify(IEnumerable<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        long checkedCount = 0;
        AuditRecord? previous = null;
        foreach (var record in records)
        {
            var expectedSequence = (previous?.Sequence ?? 0) + 1;
            var intact = record.Sequence == expectedSequence
                && record.PreviousHash == previous?.Hash
                && record.Hash == AuditHashing.Compute(record, previous?.Hash);
            if (!intact)
            {
                return new AuditChainVerification(false, checkedCount, record.Sequence);
            }

            checkedCount++;
            previous = record;
        }

        return new AuditChainVerification(true, checkedCount, null);
    }
}
