namespace Reference.SharedKernel.Filtering;

/// <summary>
/// Field names are ASCII only (letters, digits, <c>_</c>, <c>.</c>), so a look-alike letter from another
/// script can never resolve to a mapped field.
/// </summary>
internal static class FieldName
{
    public static bool IsPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';

    public static bool IsStart(char c) => char.IsAsciiLetter(c) || c == '_';
}
