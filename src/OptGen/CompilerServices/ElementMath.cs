using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace OptGen.CompilerServices;

/// <summary>
/// Element-wise functions that <see cref="Math"/> and the vector types do not offer with torch's meaning, in
/// scalar and vector forms that give the same bits. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ElementMath
{
    /// <summary>torch.sign: 1 for x &gt; 0, −1 for x &lt; 0, x itself for ±0 and NaN (never throws, unlike <see cref="Math.Sign(double)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sign<T>(T x)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        x > T.Zero ? T.One : x < T.Zero ? -T.One : x;

    /// <summary><see cref="Sign{T}(T)"/> for each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Sign<T>(Vector128<T> x)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Vector128.ConditionalSelect(
            Vector128.GreaterThan(x, Vector128<T>.Zero),
            Vector128<T>.One,
            Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128<T>.Zero), -Vector128<T>.One, x));

    /// <summary><see cref="Sign{T}(T)"/> for each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Sign<T>(Vector256<T> x)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Vector256.ConditionalSelect(
            Vector256.GreaterThan(x, Vector256<T>.Zero),
            Vector256<T>.One,
            Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<T>.Zero), -Vector256<T>.One, x));

    /// <summary><see cref="Sign{T}(T)"/> for each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Sign<T>(Vector512<T> x)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Vector512.ConditionalSelect(
            Vector512.GreaterThan(x, Vector512<T>.Zero),
            Vector512<T>.One,
            Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<T>.Zero), -Vector512<T>.One, x));
}
