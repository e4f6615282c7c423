using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace OptGen.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. Ids are tracked in AnalyzerReleases.*.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "OptGen";
    private const string HelpLink = "https://github.com/optgen/optgen#diagnostics";

    public static readonly DiagnosticDescriptor InternalError = Error(
        "OPTG000",
        "The OptGen generator failed",
        "The OptGen generator failed on '{0}': {1}. Please report this with the declaration that caused it.");

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "OPTG001",
        "An optimizer type must be partial",
        "'{0}' must be declared partial, so that OptGen can add the optimizer's members to it");

    public static readonly DiagnosticDescriptor InvalidParameterCount = Error(
        "OPTG002",
        "Params must be at least 1",
        "Params is {0}; give the number of parameters (at least 1), or omit Params to pass it to the constructor");

    public static readonly DiagnosticDescriptor InvalidLearningRate = Error(
        "OPTG003",
        "The learning rate must be a positive finite number",
        "LearningRate is {1}; it must be a positive finite number, such as 0.001");

    public static readonly DiagnosticDescriptor DecayOutOfRange = Error(
        "OPTG004",
        "A decay factor is outside its range",
        "{0} is {1}; it must be in {2}");

    public static readonly DiagnosticDescriptor InvalidEpsilon = Error(
        "OPTG005",
        "Epsilon must be a positive finite number",
        "Epsilon is {1}; it must be a positive finite number, such as 1e-8");

    public static readonly DiagnosticDescriptor NesterovWithDampening = Error(
        "OPTG006",
        "Nesterov momentum requires zero dampening",
        "Dampening is {0}, but Nesterov momentum requires zero dampening (as torch.optim.SGD does); remove Dampening or use Kind.Momentum");

    public static readonly DiagnosticDescriptor UnsupportedElementType = Error(
        "OPTG007",
        "The element type must be float or double",
        "ElementType is '{0}'; use typeof(double) or typeof(float)");

    public static readonly DiagnosticDescriptor UndefinedKind = Error(
        "OPTG008",
        "The kind is not defined",
        "'{0}' is not a defined Kind; use one of {1}");

    public static readonly DiagnosticDescriptor StructWithoutParams = Error(
        "OPTG009",
        "An optimizer struct must give Params",
        "The struct '{0}' must give Params: without a compile-time size its buffers would be arrays, which every copy of the struct would share; give Params = N or make it a class");

    public static readonly DiagnosticDescriptor UnusedHyperparameter = new(
        "OPTG010",
        "The kind does not use this hyperparameter",
        "{0} has no effect on Kind.{1}; remove it, or choose a kind that uses it ({2})",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor NegativeHyperparameter = Error(
        "OPTG011",
        "A hyperparameter must be a non-negative finite number",
        "{0} is {1}; it must be {2}");

    public static readonly DiagnosticDescriptor ParallelStruct = Error(
        "OPTG012",
        "A parallel optimizer must be a class",
        "'{0}' is a struct, but Parallel = true needs a class: the worker threads update the optimizer's state in place, which a copied struct cannot offer; make it a class or remove Parallel");

    public static readonly DiagnosticDescriptor ParallelWithoutEffect = new(
        "OPTG013",
        "Parallel has no effect on straight-line code",
        "Parallel has no effect with Params = {0}: up to {1} parameters the step is straight-line code on one core; remove Parallel",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor RhoOutOfRange = Error(
        "OPTG014",
        "Rho must be in [0, 1]",
        "{0} is {1}; it must be in {2}, the decay of Adadelta's running averages");

    public static readonly DiagnosticDescriptor RpropEtas = Error(
        "OPTG015",
        "Rprop needs 0 < EtaMinus < 1 < EtaPlus",
        "{0} is {1}; it must be in {2}: Rprop shrinks the step by EtaMinus (between 0 and 1) and grows it by EtaPlus (above 1)");

    public static readonly DiagnosticDescriptor RpropStepSizes = Error(
        "OPTG016",
        "Rprop's MinStepSize must not exceed MaxStepSize",
        "MinStepSize is {0}, above MaxStepSize = {1}; the step sizes are clamped to [MinStepSize, MaxStepSize], so MinStepSize must be at most MaxStepSize");

    public static readonly DiagnosticDescriptor UnsupportedType = Error(
        "OPTG017",
        "OptGen cannot add an optimizer to this type",
        "'{0}' is {1}");

    public static readonly DiagnosticDescriptor ValueDoesNotFitElementType = Error(
        "OPTG018",
        "A hyperparameter does not fit the element type",
        "{0} is {1}, {2}; use a value a float can hold, or ElementType = typeof(double)");

    public static readonly DiagnosticDescriptor MemberNameClash = Error(
        "OPTG019",
        "A member clashes with one OptGen generates",
        "'{0}' already uses the name '{1}' ({2}), which OptGen generates; rename it");

    public static readonly DiagnosticDescriptor PrimaryConstructorClash = Error(
        "OPTG020",
        "A primary constructor clashes with the generated constructor",
        "'{0}' has a primary constructor, but OptGen generates the constructor of this optimizer; {1}");

    public static readonly DiagnosticDescriptor StateTooLarge = Error(
        "OPTG021",
        "The optimizer's state would not fit in a span",
        "Params = {0} with {1} state buffers needs a state of about {2} elements, more than a span holds (2147483647); use fewer parameters per optimizer");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(
        "OPTG022",
        "The generated code needs a newer C#",
        "This project compiles C# {0}, but the code OptGen generates needs C# {1} or later; set <LangVersion> to {1} or later (the .NET 10 SDK's default is newer)");

    public static readonly DiagnosticDescriptor LargeStruct = new(
        "OPTG023",
        "A struct optimizer this large can overflow the stack",
        "'{0}' holds {1} KiB of state inline; every local or copy of it takes that much stack (a thread has 1 MiB or less); make it a class",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink);

    public static readonly DiagnosticDescriptor InvalidClip = Error(
        "OPTG024",
        "A clipping threshold must be a positive finite number",
        "{0} is {1}; it must be {2} (omit it for no clipping)");

    public static readonly DiagnosticDescriptor TwoClips = Error(
        "OPTG025",
        "Clip by norm or by value, not both",
        "ClipGradNorm and ClipGradValue are both given; torch applies one or the other before a step, so keep one");

    /// <summary>Every descriptor, in id order.</summary>
    public static readonly DiagnosticDescriptor[] All =
    [
        InternalError, NotPartial, InvalidParameterCount, InvalidLearningRate, DecayOutOfRange, InvalidEpsilon,
        NesterovWithDampening, UnsupportedElementType, UndefinedKind, StructWithoutParams, UnusedHyperparameter,
        NegativeHyperparameter, ParallelStruct, ParallelWithoutEffect, RhoOutOfRange, RpropEtas, RpropStepSizes,
        UnsupportedType, ValueDoesNotFitElementType, MemberNameClash, PrimaryConstructorClash, StateTooLarge,
        LanguageVersionTooLow, LargeStruct, InvalidClip, TwoClips,
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static DiagnosticDescriptor Error(string id, string title, string message) => new(
        id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);
}
