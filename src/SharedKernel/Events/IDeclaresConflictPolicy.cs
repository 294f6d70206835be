namespace Reference.SharedKernel.Events;

/// <summary>
/// A command that states how a lost optimistic-concurrency race is resolved, in its own declaration. A command
/// without it is <see cref="ConflictPolicy.Reject"/>.
/// </summary>
public interface IDeclaresConflictPolicy
{
    ConflictPolicy OnConflict { get; }
}
