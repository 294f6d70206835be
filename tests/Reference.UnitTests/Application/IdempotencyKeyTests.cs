using Reference.SharedKernel.Application.Idempotency;

namespace Reference.UnitTests.Application;

/// <summary>What an idempotency key may be, and how one request's key is handed to exactly one command.</summary>
public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("order:2026-11-01/#7~!")]
    [InlineData("k")]
    public void Printable_ascii_keys_up_to_255_characters_are_keys(string key)
    {
        Assert.Null(IdempotencyKeyRules.Explain(key));
        Assert.Null(IdempotencyKeyRules.Explain(new string('k', IdempotencyKeyRules.MaxLength)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("tab\there")]
    [InlineData("nul\0")]
    [InlineData("del\u007f")]
    [InlineData("clé")]
    public void Anything_else_is_explained(string? key)
    {
        Assert.NotNull(IdempotencyKeyRules.Explain(key));
        Assert.NotNull(IdempotencyKeyRules.Explain(new string('k', IdempotencyKeyRules.MaxLength + 1)));
    }

    [Fact]
    public void The_first_taker_gets_the_key_and_a_nested_command_gets_none()
    {
        var request = new IdempotentRequest();
        request.Accept("key-1", "hash-1");

        Assert.True(request.TryTake(out var key, out var hash));
        Assert.Equal(("key-1", "hash-1"), (key, hash));
        Assert.False(request.TryTake(out _, out _));
        Assert.False(request.Replayed);
    }

    [Fact]
    public void A_request_accepts_one_valid_key_only()
    {
        var request = new IdempotentRequest();

        Assert.Throws<ArgumentException>(() => request.Accept("not a key", "hash"));
        request.Accept("key-1", "hash-1");
        Assert.Throws<InvalidOperationException>(() => request.Accept("key-2", "hash-2"));
    }
}
