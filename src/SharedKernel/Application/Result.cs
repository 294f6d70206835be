using System.Text.Json.Serialization;

namespace Reference.SharedKernel.Application;

/// <summary>
/// The outcome of a use case that can fail in an expected way. Unexpected failures stay exceptions.
/// </summary>
public class Result : IFailureFactory<Result>
{
    protected Result(Error? error) => Error = error;

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result Success() => new(null);

    public static Result Failure(Error error) => new(error ?? throw new ArgumentNullException(nameof(error)));

    public static Result<T> Success<T>(T value) => Result<T>.Success(value);

    public static implicit operator Result(Error error) => Failure(error);

    static Result IFailureFactory<Result>.FromError(Error error) => Failure(error);
}

/// <summary>A result that carries a value when it succeeds. A successful one serializes as <c>{"value": ...}</c>.</summary>
[JsonConverter(typeof(SuccessfulResultJsonConverter))]
public sealed class Result<T> : Result, IFailureFactory<Result<T>>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
        : base(error) => _value = value;

    /// <summary>The value; reading it from a failed result is a programming error.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"Result failed with '{Error!.Code}' and has no value.");

    public static Result<T> Success(T value) => new(value, null);

    public static new Result<T> Failure(Error error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);

    static Result<T> IFailureFactory<Result<T>>.FromError(Error error) => Failure(error);

    public TOut Match<TOut>(Func<T, TOut> onSuccess, Func<Error, TOut> onFailure) =>
        IsSuccess ? onSuccess(_value!) : onFailure(Error!);
}
