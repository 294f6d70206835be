namespace Reference.Features.Example;

public sealed record Greeting(string Text, DateTimeOffset CreatedAt);
