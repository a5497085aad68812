using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ServiceRecoveryBot.Tests.Architecture;

/// <summary>
/// The arrows between the app's folders, checked on the compiled assembly: every type a type names in its signatures,
/// attributes and method bodies, grouped by the folder (the namespace below <c>root</c>) on either side.
/// </summary>
public static class ArchitectureRules
{
    private static readonly string[] Domain = ["Recovery", "Understanding", "Guidance", "Sentiment", "Text"];

    /// <summary>
    /// Folders each folder must not use. "Turns" is the runtime (the namespace itself); "Turns.*" is the turn's contract
    /// below it (state, effects, references), which the bot and the reminders fill in.
    /// </summary>
    private static readonly Dictionary<string, string[]> Forbidden = Rules();

    private static Dictionary<string, string[]> Rules()
    {
        string[] belowDomain = ["Channels", "Turns", "Turns.*", "Conversations", "Reminders", "Storage"];
        var rules = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["Channels"] = ["Storage"],
            ["Turns"] = ["Channels", "Storage"],
            ["Conversations"] = ["Channels", "Storage", "Turns"],
            ["Reminders"] = ["Channels", "Storage", "Turns"],
            ["Operations"] = ["Channels", "Turns", "Turns.*", "Conversations", "Reminders", "Storage"],
            ["Storage"] = ["Channels"],
        };
        foreach (var folder in Domain) rules[folder] = belowDomain;
        return rules;
    }

    /// <summary>Outside namespaces a folder must not use, and the folders that alone may use one.</summary>
    private static readonly (string Folder, string Namespace)[] ForbiddenOutside =
    [
        ("Recovery", "ServiceRecoveryBot.Protocol"),
        ("Recovery", "ServiceRecoveryBot.Dialogs"),
        ("Recovery", "Azure"),
        ("Recovery", "Microsoft.AspNetCore"),
    ];

    private static readonly (string Namespace, string OnlyFolder)[] OwnedOutside = [("Azure.Data.Tables", "Storage")];

    /// <summary>The arrows in <paramref name="module"/> that run back, as "From -> To (rule)", one per pair of types.</summary>
    public static IReadOnlyList<string> Check(ModuleDefinition module, string root)
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var outer = Outermost(type);
            if (IsComposition(outer) || FolderOf(outer.Namespace, root) is not { } from) continue;
            foreach (var used in Used(type))
            {
                var target = Outermost(used);
                if (target.FullName == outer.FullName) continue;
                if (Breaks(from, target.Namespace, root) is { } rule) violations.Add($"{outer.FullName} -> {target.FullName} ({rule})");
            }
        }
        return [.. violations];
    }

    /// <summary>Composition wires the folders together, so it may name any of them.</summary>
    private static bool IsComposition(TypeReference type) =>
        type.Name is "Program" or "<Program>$" or "HostExtensions"
        || type.Name.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal);

    /// <summary>"Channels", "Turns" (the namespace itself) or "Turns.*" (below it), ...; null outside the root's folders.</summary>
    private static string? FolderOf(string ns, string root)
    {
        if (!ns.StartsWith(root + ".", StringComparison.Ordinal)) return null;
        var parts = ns[(root.Length + 1)..].Split('.');
        return parts[0] == "Turns" && parts.Length > 1 ? "Turns.*" : parts[0];
    }

    private static string? Breaks(string from, string ns, string root)
    {
        var rulesFor = from == "Turns.*" ? "Turns" : from;
        foreach (var (folder, outside) in ForbiddenOutside)
            if (folder == rulesFor && IsIn(ns, outside)) return $"{folder} uses no {outside}";
        foreach (var (outside, only) in OwnedOutside)
            if (rulesFor != only && IsIn(ns, outside)) return $"only {only} uses {outside}";
        if (FolderOf(ns, root) is not { } to || to == from) return null;
        return Forbidden.TryGetValue(rulesFor, out var forbidden) && forbidden.Contains(to)
            ? $"{Name(from)} must not use {Name(to)}"
            : null;
    }

    private static string Name(string folder) => folder switch { "Turns" => "the Turns runtime", "Turns.*" => "Turns", _ => folder };

    private static bool IsIn(string ns, string outside) => ns == outside || ns.StartsWith(outside + ".", StringComparison.Ordinal);

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    /// <summary>Every type <paramref name="type"/> names: base, interfaces, signatures, attributes, locals, IL operands.</summary>
    private static IEnumerable<TypeReference> Used(TypeDefinition type)
    {
        var named = new List<TypeReference>();
        if (type.BaseType is not null) named.Add(type.BaseType);
        named.AddRange(type.Interfaces.Select(i => i.InterfaceType));
        named.AddRange(Attributes(type));
        foreach (var field in type.Fields)
        {
            named.Add(field.FieldType);
            named.AddRange(Attributes(field));
        }
        foreach (var property in type.Properties)
        {
            named.Add(property.PropertyType);
            named.AddRange(Attributes(property));
        }
        named.AddRange(type.Events.Select(e => e.EventType));
        foreach (var method in type.Methods)
        {
            named.AddRange(Signature(method));
            named.AddRange(Attributes(method));
            named.AddRange(method.Parameters.SelectMany(Attributes));
            if (!method.HasBody) continue;
            named.AddRange(method.Body.Variables.Select(v => v.VariableType));
            foreach (var instruction in method.Body.Instructions) named.AddRange(Operand(instruction));
        }
        return named.SelectMany(Parts);
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference t => [t],
        MethodReference m => [m.DeclaringType, .. Signature(m), .. m is GenericInstanceMethod g ? g.GenericArguments : []],
        FieldReference f => [f.DeclaringType, f.FieldType],
        _ => [],
    };

    private static IEnumerable<TypeReference> Signature(MethodReference method) =>
        [method.ReturnType, .. method.Parameters.Select(p => p.ParameterType)];

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.SelectMany(a =>
            (TypeReference[])[a.AttributeType, .. a.ConstructorArguments.Select(c => c.Value).OfType<TypeReference>()]);

    /// <summary>A type and the types it is made of: generic arguments, array and by-ref elements.</summary>
    private static IEnumerable<TypeReference> Parts(TypeReference type)
    {
        switch (type)
        {
            case GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var part in Parts(generic.ElementType)) yield return part;
                foreach (var argument in generic.GenericArguments)
                foreach (var part in Parts(argument))
                    yield return part;
                yield break;
            case TypeSpecification specification:
                foreach (var part in Parts(specification.ElementType)) yield return part;
                yield break;
            default:
                yield return type;
                yield break;
        }
    }
}
