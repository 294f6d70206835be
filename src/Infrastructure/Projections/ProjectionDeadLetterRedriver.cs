namespace Reference.Infrastructure.Projections;

/// <summary>Re-drives dead-lettered events once the projection (or the data) has been fixed.</summary>
public sealed class ProjectionDeadLetterRedriver(
    IEnumerable<IProjectionRunner> runners,
    IProjectionDeadLetters deadLetters,
    TimeProvider time)
{
    /// <summary>Applies the dead letter's event again; false when it was already re-driven. Throws if it still fails.</summary>
    public async Task<bool> RedriveAsync(Guid deadLetterId, CancellationToken cancellationToken)
    {
        var deadLetter = await deadLetters.GetAsync(deadLetterId, cancellationToken)
            ?? throw new KeyNotFoundException($"Projection dead letter {deadLetterId} does not exist.");
        if (deadLetter.RedrivenAt is not null)
        {
            return false;
        }

        var runner = runners.FirstOrDefault(r => r.Projection.Name == deadLetter.Projection)
            ?? throw new UnknownProjectionException(deadLetter.Projection);
        await runner.RedriveAsync(deadLetter, cancellationToken);
        return await deadLetters.MarkRedrivenAsync(deadLetterId, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Re-drives every pending dead letter of a projection (or all); returns how many succeeded.</summary>
    public async Task<int> RedriveAllAsync(string? projection, CancellationToken cancellationToken)
    {
        var redriven = 0;
        foreach (var deadLetter in await deadLetters.ListAsync(projection, includeRedriven: false, limit: 1_000, cancellationToken: cancellationToken))
        {
            if (await RedriveAsync(deadLetter.Id, cancellationToken))
            {
                redriven++;
            }
        }

        return redriven;
    }
}
