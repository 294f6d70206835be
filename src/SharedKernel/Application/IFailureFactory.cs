namespace Reference.SharedKernel.Application;

/// <summary>
/// Lets a pipeline behaviour short-circuit with a typed failure (forbidden, invalid, no tenant)
/// without knowing the concrete result type. <see cref="Result"/> and <see cref="Result{T}"/> implement it.
/// </summary>
public interface IFailureFactory<out TSelf>
    where TSelf : IFailureFactory<TSelf>
{
    static abstract TSelf FromError(Error error);
}
