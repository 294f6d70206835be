using Microsoft.Extensions.Time.Testing;
using Reference.Features.Example;

namespace Reference.UnitTests.Example;

public sealed class CreateGreetingTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task Handler_greets_by_trimmed_name_at_the_current_time()
    {
        var handler = new CreateGreetingHandler(new FakeTimeProvider(Now));

        var result = await handler.Handle(new CreateGreeting("  Ada "), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(new Greeting("Hello, Ada!", Now), result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validator_rejects_a_blank_name(string name)
    {
        var validation = new CreateGreetingValidator().Validate(new CreateGreeting(name));

        Assert.Contains(validation.Errors, error => error.PropertyName == nameof(CreateGreeting.Name));
    }

    [Fact]
    public void Validator_rejects_a_name_longer_than_the_limit()
    {
        var validation = new CreateGreetingValidator().Validate(new CreateGreeting(new string('a', CreateGreetingValidator.MaxNameLength + 1)));

        Assert.False(validation.IsValid);
    }

    [Fact]
    public void Validator_accepts_a_normal_name() =>
        Assert.True(new CreateGreetingValidator().Validate(new CreateGreeting("Ada")).IsValid);
}
