namespace Reference.SharedKernel.Processes;

/// <summary>
/// Names a command a process manager may send, by a stable public name instead of its CLR type, so a process in
/// one slice can drive a command of another without referencing it (slices stay apart), and a pending command
/// stored with an instance survives a rename of the class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ProcessCommandAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
