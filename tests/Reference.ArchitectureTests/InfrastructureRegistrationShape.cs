using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Reference.ArchitectureTests;

/// <summary>
/// One registration shape for every capability: the folder <c>X</c> that has options registers itself with
/// <c>XServiceCollectionExtensions.AddX(IServiceCollection, IConfiguration)</c>, so a reader (and the next module)
/// knows where to look and what to copy.
/// </summary>
public sealed class InfrastructureRegistrationShape
{
    private const string Root = "Reference.Infrastructure.";

    public static TheoryData<string> FoldersWithOptions()
    {
        var folders = new TheoryData<string>();
        foreach (var folder in Solution.Infrastructure.GetTypes()
            .Where(type => type.IsPublic && type.Name.EndsWith("Options", StringComparison.Ordinal) && HasSectionConstant(type))
            .Select(type => type.Namespace![Root.Length..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal))
        {
            folders.Add(folder);
        }

        return folders;
    }

    [Theory]
    [MemberData(nameof(FoldersWithOptions))]
    public void A_folder_with_options_registers_itself_with_one_AddFolder_extension_reading_the_configuration(string folder)
    {
        var extensions = Solution.Infrastructure.GetType($"{Root}{folder}.{folder}ServiceCollectionExtensions");
        Assert.True(extensions is { IsAbstract: true, IsSealed: true }, $"{folder} needs a static class {folder}ServiceCollectionExtensions.");

        var add = extensions!.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == $"Add{folder}").ToList();
        Assert.True(add.Count == 1, $"{folder}ServiceCollectionExtensions needs exactly one Add{folder} method.");
        var parameters = add[0].GetParameters();
        Assert.True(
            parameters.Length >= 2 && parameters[0].ParameterType == typeof(IServiceCollection) && parameters[1].ParameterType == typeof(IConfiguration),
            $"Add{folder} takes (this IServiceCollection, IConfiguration, ...).");
    }

    [Fact]
    public void Registration_classes_follow_one_naming()
    {
        var others = Solution.Infrastructure.GetTypes()
            .Where(type => type is { IsPublic: true, IsAbstract: true, IsSealed: true } && type.Name.EndsWith("Module", StringComparison.Ordinal))
            .Select(type => type.FullName)
            .ToList();

        Assert.True(others.Count == 0, $"Infrastructure registers through *ServiceCollectionExtensions classes, not: {string.Join(", ", others)}");
    }

    private static bool HasSectionConstant(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Any(field => field.IsLiteral && field.FieldType == typeof(string) && field.Name.StartsWith("Section", StringComparison.Ordinal));
}
