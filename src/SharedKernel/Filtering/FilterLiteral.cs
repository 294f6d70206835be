namespace Reference.SharedKernel.Filtering;

/// <summary>One value of a clause, already unescaped, with where it started in the input.</summary>
public readonly record struct FilterLiteral(string Text, int Position)
{
    public override string ToString() => Text;
}
