using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OptGen.TorchSharp.Tests;

/// <summary>The TorchSharp models the bridge is tested on, built identically from a seed.</summary>
internal static class Models
{
    /// <summary>An MLP 20-32-16-4 (tanh, ReLU): six parameter tensors.</summary>
    public static nn.Module<Tensor, Tensor> Mlp(long seed)
    {
        random.manual_seed(seed);
        return nn.Sequential(
            ("fc1", nn.Linear(20, 32)), ("tanh", nn.Tanh()),
            ("fc2", nn.Linear(32, 16)), ("relu", nn.ReLU()),
            ("fc3", nn.Linear(16, 4)));
    }

    /// <summary>A small convolutional net on 1 × 8 × 8 images: conv 3×3 (4 channels), ReLU, max-pool, linear to 4 classes.</summary>
    public static nn.Module<Tensor, Tensor> ConvNet(long seed)
    {
        random.manual_seed(seed);
        return nn.Sequential(
            ("conv", nn.Conv2d(1, 4, 3)), ("relu", nn.ReLU()), ("pool", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()), ("fc", nn.Linear(4 * 3 * 3, 4)));
    }

    /// <summary>Inputs for <paramref name="shape"/> and class targets (0–3), from a seed.</summary>
    public static (Tensor X, Tensor Y) Data(long seed, params long[] shape)
    {
        random.manual_seed(seed);
        return (randn(shape), randint(0, 4, [shape[0]]));
    }

    /// <summary>Every parameter's values, in named_parameters() order.</summary>
    public static float[][] Values(nn.Module module) =>
        [.. module.parameters().Select(p => p.data<float>().ToArray())];
}
