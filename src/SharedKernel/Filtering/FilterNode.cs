namespace Reference.SharedKernel.Filtering;

/// <summary>
/// A node of the filter AST that both syntaxes parse into. <see cref="object.ToString"/> prints a canonical,
/// fully parenthesized form, which is what tests and docs use to show precedence.
/// </summary>
public abstract record FilterNode;
