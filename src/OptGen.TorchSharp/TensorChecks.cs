using System.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace OptGen.TorchSharp;

/// <summary>What a tensor must be for OptGen to step it in place: on the CPU, contiguous, and of the optimizer's element type.</summary>
internal static class TensorChecks
{
    /// <summary>The dtype that holds <typeparamref name="T"/>.</summary>
    public static ScalarType DTypeOf<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? ScalarType.Float32
        : typeof(T) == typeof(double) ? ScalarType.Float64
        : throw new NotSupportedException($"OptGen steps float or double tensors, not {typeof(T).Name}.");

    /// <summary>Throws unless <paramref name="tensor"/> (the parameter <paramref name="name"/>, or its gradient) can be stepped in place as <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException">It is not on the CPU, not contiguous, of another dtype, or too large.</exception>
    public static void SteppableInPlace<T>(Tensor tensor, string name, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ScalarType dtype = DTypeOf<T>();
        if (tensor.device_type != DeviceType.CPU)
        {
            throw new ArgumentException(
                $"The {what} of '{name}' is on {tensor.device}; OptGen steps CPU memory in place. Keep the model on the CPU, or step it with torch.optim.", name);
        }

        if (tensor.dtype != dtype)
        {
            string hint = tensor.dtype is ScalarType.Float32 or ScalarType.Float64
                ? $"use an optimizer of ElementType = typeof({(tensor.dtype == ScalarType.Float32 ? "float" : "double")}) and TorchParameters<{(tensor.dtype == ScalarType.Float32 ? "float" : "double")}>"
                : "OptGen steps float32 and float64 only; convert the model (module.to(float32)) first";
            throw new ArgumentException($"The {what} of '{name}' is {tensor.dtype}, not {dtype}: {hint}.", name);
        }

        if (!tensor.is_contiguous())
        {
            throw new ArgumentException(
                $"The {what} of '{name}' is not contiguous (strides {string.Join(", ", tensor.stride())}), so it cannot be stepped in place as one buffer; make it contiguous before building the set.", name);
        }

        if (tensor.numel() > Array.MaxLength)
        {
            throw new ArgumentException($"The {what} of '{name}' has {tensor.numel()} elements, more than one buffer holds ({Array.MaxLength}).", name);
        }
    }

    /// <summary>The address of a CPU tensor's first element (checked by <see cref="SteppableInPlace"/> beforehand).</summary>
    public static unsafe T* AddressOf<T>(Tensor tensor)
        where T : unmanaged =>
        (T*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(tensor.bytes));
}
