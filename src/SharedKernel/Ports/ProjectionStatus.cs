namespace Reference.SharedKernel.Ports;

/// <summary>The life cycle of one generation of a projection.</summary>
public enum ProjectionStatus
{
    /// <summary>Serves reads and follows the log.</summary>
    Live = 0,

    /// <summary>Being built from the start of the log while the live generation keeps serving.</summary>
    Rebuilding = 1,

    /// <summary>Replaced by a newer generation; its documents are removed by the cleanup job.</summary>
    Retired = 2,

    /// <summary>A rebuild that stopped on an error; the live generation is untouched.</summary>
    Failed = 3,
}
