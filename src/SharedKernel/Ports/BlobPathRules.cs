namespace Reference.SharedKernel.Ports;

/// <summary>
/// Input rules every blob store applies to paths and list prefixes: relative, '/'-separated segments,
/// no '.' or '..' segments (which could climb out of the tenant's folder), no backslashes or control characters.
/// </summary>
public static class BlobPathRules
{
    public const int MaxLength = 1024;

    public static void Validate(string path) => Check(path, allowEmpty: false, allowTrailingSlash: false);

    /// <summary>A list prefix may be empty (everything) or end with '/' (a folder).</summary>
    public static void ValidatePrefix(string prefix) => Check(prefix, allowEmpty: true, allowTrailingSlash: true);

    private static void Check(string path, bool allowEmpty, bool allowTrailingSlash)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            if (allowEmpty)
            {
                return;
            }

            throw new InvalidBlobPathException(path, "the path is empty");
        }

        if (path.Length > MaxLength)
        {
            throw new InvalidBlobPathException(path, $"the path is longer than {MaxLength} characters");
        }

        if (path.Any(c => char.IsControl(c) || c == '\\'))
        {
            throw new InvalidBlobPathException(path, "the path contains a backslash or a control character");
        }

        if (path.StartsWith('/'))
        {
            throw new InvalidBlobPathException(path, "the path must be relative");
        }

        var segments = path.Split('/');
        var last = allowTrailingSlash && path.EndsWith('/') ? segments.Length - 1 : segments.Length;
        for (var i = 0; i < last; i++)
        {
            if (segments[i] is "" or "." or "..")
            {
                throw new InvalidBlobPathException(path, "the path has an empty, '.' or '..' segment");
            }
        }
    }
}
