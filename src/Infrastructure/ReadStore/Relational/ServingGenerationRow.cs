namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>A row of <c>read_model_generations</c>: which generation of a read-model table serves reads.</summary>
public sealed class ServingGenerationRow
{
    public string ReadModel { get; set; } = "";

    public int Generation { get; set; }
}
