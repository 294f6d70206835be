namespace Reference.Infrastructure.Projections;

/// <summary>How a batch treats a failing event.</summary>
public enum ProjectionMode
{
    /// <summary>Following the log: a failing event is dead-lettered and the projection moves on.</summary>
    Live,

    /// <summary>Building a generation from scratch: the first failure stops the rebuild.</summary>
    Rebuild,
}
