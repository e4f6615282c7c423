using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OptGen.Generator.Diagnostics;
using OptGen.Generator.Emit;
using OptGen.Generator.Model;

namespace OptGen.Generator.Parsing;

/// <summary>
/// What the code to be generated would collide with or overflow: a user's member or constructor of the same name,
/// a primary constructor, a state longer than a span, a struct too big for the stack.
/// </summary>
internal static class MemberChecks
{
    /// <summary>A struct with more state than this inline is a stack hazard as a local or a copy.</summary>
    public const int LargeStructBytes = 64 * 1024;

    public static void Check(INamedTypeSymbol type, EmitContext context, AttributeArguments arguments, AttributeSyntax attribute, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        OptimizerSpec spec = context.Spec;
        LocationInfo? name = LocationInfo.From(type.Locations.FirstOrDefault());
        var generated = new HashSet<string>(GeneratedMembers.Of(context));
        if (generated.Contains(type.Name))
        {
            diagnostics.Add(OptimizerParser.Report(DiagnosticDescriptors.MemberNameClash, name, type.Name, type.Name, "the type's own name"));
        }

        foreach (ISymbol member in type.GetMembers().Where(member => generated.Contains(member.Name) && IsUserWritten(member, cancellationToken)))
        {
            diagnostics.Add(OptimizerParser.Report(DiagnosticDescriptors.MemberNameClash, LocationInfo.From(member.Locations.FirstOrDefault()), type.Name, member.Name, "a member"));
        }

        bool generatesConstructor = !spec.HasFixedParameterCount || type.IsValueType;
        if (generatesConstructor)
        {
            if (type.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().Any(declaration => declaration.ParameterList is not null))
            {
                string fix = type.IsValueType ? "remove the primary constructor, or make it a class" : "remove the primary constructor, or give Params";
                diagnostics.Add(OptimizerParser.Report(DiagnosticDescriptors.PrimaryConstructorClash, name, type.Name, fix));
            }

            int parameters = spec.HasFixedParameterCount ? 0 : 1;
            foreach (IMethodSymbol constructor in type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared && c.Parameters.Length == parameters && IsUserWritten(c, cancellationToken)))
            {
                string signature = parameters == 0 ? $"{type.Name}()" : $"{type.Name}({constructor.Parameters[0].Type.ToDisplayString()})";
                if (parameters == 0 || constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int32)
                {
                    diagnostics.Add(OptimizerParser.Report(DiagnosticDescriptors.MemberNameClash, LocationInfo.From(constructor.Locations.FirstOrDefault()), type.Name, signature, "a constructor"));
                }
            }
        }

        if (spec.HasFixedParameterCount)
        {
            long length = (long)context.Buffers.Count * spec.ParameterCount + 64;
            if (length > int.MaxValue)
            {
                diagnostics.Add(OptimizerParser.Report(DiagnosticDescriptors.StateTooLarge, arguments.LocationOf("Params"), spec.ParameterCount, context.Buffers.Count, length));
            }
            else if (type.IsValueType)
            {
                long bytes = (long)context.Buffers.Count * spec.ParameterCount * (spec.Element == ElementType.Float ? 4 : 8);
                if (bytes >= LargeStructBytes)
                {
                    diagnostics.Add(OptimizerParser.Report(DiagnosticDescriptors.LargeStruct, LocationInfo.From(attribute), type.Name, bytes / 1024));
                }
            }
        }
    }

    /// <summary>Declared in the user's code, not by a generator (the analyzer sees the generated members too).</summary>
    private static bool IsUserWritten(ISymbol member, CancellationToken cancellationToken) =>
        !member.IsImplicitlyDeclared
        && member.DeclaringSyntaxReferences.Any(reference => !IsGeneratedByOptGen(reference.SyntaxTree));

    private static bool IsGeneratedByOptGen(SyntaxTree tree) =>
        tree.FilePath.Replace('\\', '/').Contains("OptGen.Generator/OptGen.Generator.OptimizerGenerator/");
}
