using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Reference.Web.Composition;

namespace Reference.Web.Cli;

/// <summary>
/// What a command prints: a table of the rows' public properties for people, or with <c>--json</c> the rows as JSON
/// and nothing else on stdout (logs and progress go to stderr).
/// </summary>
public sealed class CliOutput(TextWriter output, TextWriter error, bool json)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { ApiServiceCollectionExtensions.EnumsAsNames } };

    public TextWriter Error => error;

    public bool IsJson => json;

    public void Write<T>(T value)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(value, Json));
            return;
        }

        if (value is IEnumerable rows and not string)
        {
            WriteTable([.. rows.Cast<object>()]);
        }
        else if (value is not null)
        {
            foreach (var property in Properties(value.GetType()))
            {
                output.WriteLine($"{property.Name}: {Format(property.GetValue(value))}");
            }
        }
    }

    /// <summary>A human message: on stdout normally, on stderr with <c>--json</c> so stdout stays JSON.</summary>
    public void Message(string text) => (json ? error : output).WriteLine(text);

    private void WriteTable(IReadOnlyList<object> rows)
    {
        if (rows.Count == 0)
        {
            output.WriteLine("(none)");
            return;
        }

        var columns = Properties(rows[0].GetType());
        var cells = rows.Select(r => columns.Select(c => Format(c.GetValue(r))).ToArray()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Name.Length, cells.Max(row => row[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", columns.Select((c, i) => c.Name.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static PropertyInfo[] Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();

    private static string Format(object? value) => value switch
    {
        null => "",
        string text => text,
        DateTimeOffset at => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IDictionary dictionary => string.Join(", ", dictionary.Keys.Cast<object>().Select(k => $"{k}={dictionary[k]}")),
        IEnumerable items => string.Join(", ", items.Cast<object>()),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
