using System.Numerics;
using OptGen.Benchmarks.HandWritten;
using OptGen.Benchmarks.Optimizers;

namespace OptGen.Benchmarks.Infrastructure;

/// <summary>One optimizer step over spans: a generated or hand-written optimizer's <c>Step</c>.</summary>
internal delegate void SpanStep<T>(Span<T> p, ReadOnlySpan<T> g);

/// <summary>
/// Each kind's N = 2 generated optimizer and its hand-written straight-line baseline, fresh, for <c>verify</c> and
/// <c>paired</c> (the Small benchmark classes hold the same types as fields, to call them directly).
/// </summary>
internal static class SmallPairs
{
    public static Kind[] Kinds { get; } =
        [Kind.Sgd, Kind.Momentum, Kind.Nesterov, Kind.Adagrad, Kind.RMSProp, Kind.Adam, Kind.AdamW, Kind.Adamax, Kind.NAdam, Kind.RAdam, Kind.Adadelta, Kind.Rprop];

    public static (SpanStep<T> Generated, SpanStep<T> Straight) For<T>(Kind kind)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? ((SpanStep<T>, SpanStep<T>))(object)SmallFloat(kind)
            : ((SpanStep<T>, SpanStep<T>))(object)SmallDouble(kind);

    private static (SpanStep<float>, SpanStep<float>) SmallFloat(Kind kind) => kind switch
    {
        Kind.Sgd => (new SgdFloat2().Step, new SgdFloatStraight().Step),
        Kind.Momentum => (new MomentumFloat2().Step, new MomentumFloatStraight().Step),
        Kind.Nesterov => (new NesterovFloat2().Step, new NesterovFloatStraight().Step),
        Kind.Adagrad => (new AdagradFloat2().Step, new AdagradFloatStraight().Step),
        Kind.RMSProp => (new RMSPropFloat2().Step, new RMSPropFloatStraight().Step),
        Kind.Adam => (new AdamFloat2().Step, new AdamFloatStraight().Step),
        Kind.AdamW => (new AdamWFloat2().Step, new AdamWFloatStraight().Step),
        Kind.Adamax => (new AdamaxFloat2().Step, new AdamaxFloatStraight().Step),
        Kind.NAdam => (new NAdamFloat2().Step, new NAdamFloatStraight().Step),
        Kind.RAdam => (new RAdamFloat2().Step, new RAdamFloatStraight().Step),
        Kind.Adadelta => (new AdadeltaFloat2().Step, new AdadeltaFloatStraight().Step),
        Kind.Rprop => (new RpropFloat2().Step, new RpropFloatStraight().Step),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No N = 2 benchmark for this kind."),
    };

    private static (SpanStep<double>, SpanStep<double>) SmallDouble(Kind kind) => kind switch
    {
        Kind.Sgd => (new SgdDouble2().Step, new SgdDoubleStraight().Step),
        Kind.Momentum => (new MomentumDouble2().Step, new MomentumDoubleStraight().Step),
        Kind.Nesterov => (new NesterovDouble2().Step, new NesterovDoubleStraight().Step),
        Kind.Adagrad => (new AdagradDouble2().Step, new AdagradDoubleStraight().Step),
        Kind.RMSProp => (new RMSPropDouble2().Step, new RMSPropDoubleStraight().Step),
        Kind.Adam => (new AdamDouble2().Step, new AdamDoubleStraight().Step),
        Kind.AdamW => (new AdamWDouble2().Step, new AdamWDoubleStraight().Step),
        Kind.Adamax => (new AdamaxDouble2().Step, new AdamaxDoubleStraight().Step),
        Kind.NAdam => (new NAdamDouble2().Step, new NAdamDoubleStraight().Step),
        Kind.RAdam => (new RAdamDouble2().Step, new RAdamDoubleStraight().Step),
        Kind.Adadelta => (new AdadeltaDouble2().Step, new AdadeltaDoubleStraight().Step),
        Kind.Rprop => (new RpropDouble2().Step, new RpropDoubleStraight().Step),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No N = 2 benchmark for this kind."),
    };
}
