using System.Numerics;

namespace OptGen.Training;

/// <summary>The trainers' non-finite guard.</summary>
internal static class FiniteCheck
{
    /// <summary>Whether every value is finite.</summary>
    public static bool All<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                return false;
            }
        }

        return true;
    }
}
