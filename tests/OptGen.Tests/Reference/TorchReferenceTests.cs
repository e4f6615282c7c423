using TorchSharp.Modules;
using OptGen.Reference;
using Xunit;
using static TorchSharp.torch;

namespace OptGen.Tests.Reference;

/// <summary>
/// Checks of the reference itself: one step of each torch optimizer against the rule of formulas.md worked out by hand,
/// including PyTorch's <c>maximize</c> (negate the gradient first), which the reference supplies where TorchSharp lacks it.
/// </summary>
public class TorchReferenceTests
{
    private static readonly double[] Theta0 = [1.0, -2.0, 0.5];
    private static readonly double[] G = [0.5, 0.25, -1.0];

    private static double[] OneStep(TorchOptimizerOptions options) =>
        TorchReference.Trajectory(options, Theta0, [G])[0];

    [Fact]
    public void Sgd_with_maximize_and_weight_decay_follows_PyTorch()
    {
        // PyTorch: g ← −∇ = −g; g ← g + λθ; θ ← θ − lr·g. With lr 0.1, λ 0.2:
        //   θ₀ = 1:    1 − 0.1·(−0.5 + 0.2·1)    = 1 − 0.1·(−0.3)  = 1.03
        //   θ₁ = −2:  −2 − 0.1·(−0.25 + 0.2·(−2)) = −2 − 0.1·(−0.65) = −1.935
        //   θ₂ = 0.5: 0.5 − 0.1·(1 + 0.2·0.5)    = 0.5 − 0.1·1.1   = 0.39
        var options = TorchOptimizerOptions.PyTorchDefaults(Kind.Sgd) with { LearningRate = 0.1, WeightDecay = 0.2, Maximize = true };
        double[] theta = OneStep(options);
        Assert.Equal(1.03, theta[0], tolerance: 1e-15);
        Assert.Equal(-1.935, theta[1], tolerance: 1e-15);
        Assert.Equal(0.39, theta[2], tolerance: 1e-15);
    }

    [Fact]
    public void TorchSharp_own_SGD_maximize_still_adds_weight_decay_uphill()
    {
        // Why the reference feeds −g instead of passing maximize to TorchSharp's SGD: TorchSharp 0.107.0 computes
        // θ ← θ + lr·(g + λθ) (PyTorch 1.11's rule), 1 + 0.1·(0.5 + 0.2) = 1.07 for θ₀, not PyTorch's 1.03.
        // Should a later TorchSharp follow PyTorch, this fails, and the workaround can go.
        TorchSharpNative.EnsureLoaded();
        using var parameter = new Parameter(tensor(Theta0), requires_grad: true);
        using var sgd = optim.SGD([parameter], 0.1, momentum: 0.0, dampening: 0.0, weight_decay: 0.2, nesterov: false, maximize: true);
        using var grad = tensor(G);
        parameter.grad = grad;
        sgd.step();
        Assert.Equal(1.07, parameter.data<double>()[0], tolerance: 1e-15);
    }

    [Fact]
    public void Momentum_starts_its_buffer_at_the_gradient_and_dampens_from_step_two()
    {
        // b₁ = g₁; b₂ = μb₁ + (1 − τ)g₂; θ ← θ − lr·b. μ 0.5, τ 0.5, lr 0.1, g₁ = g₂ = G:
        //   θ₀ = 1: after step 1, 1 − 0.1·0.5 = 0.95; b₂ = 0.25 + 0.25 = 0.5; after step 2, 0.95 − 0.05 = 0.9.
        var options = TorchOptimizerOptions.PyTorchDefaults(Kind.Momentum) with { LearningRate = 0.1, Momentum = 0.5, Dampening = 0.5 };
        double[][] theta = TorchReference.Trajectory(options, Theta0, [G, G]);
        Assert.Equal(0.95, theta[0][0], tolerance: 1e-15);
        Assert.Equal(0.9, theta[1][0], tolerance: 1e-15);
    }

    [Fact]
    public void Adagrad_with_maximize_lr_decay_and_initial_accumulator_follows_PyTorch()
    {
        // Step 1 (lr_decay does not act until step 2): g ← −g; sum = 0.75 + g²; θ ← θ − lr·g/(√sum + ε).
        //   θ₀ = 1, g = −0.5: sum = 0.75 + 0.25 = 1; θ = 1 − 0.4·(−0.5)/(1 + 1e-10) = 1.2 (to 1e-10)
        // Step 2, same gradient: lr̃ = 0.4/(1 + 1·0.5) = 0.2666…; sum = 1.25; θ = 1.2 + 0.2666…·0.5/√1.25 = 1.319256958…
        var options = TorchOptimizerOptions.PyTorchDefaults(Kind.Adagrad) with
        {
            LearningRate = 0.4, LrDecay = 0.5, InitialAccumulatorValue = 0.75, Maximize = true,
        };
        double[][] theta = TorchReference.Trajectory(options, Theta0, [G, G]);
        Assert.Equal(1.2, theta[0][0], tolerance: 1e-10);
        Assert.Equal(1.2 + 0.4 / 1.5 * 0.5 / Math.Sqrt(1.25), theta[1][0], tolerance: 1e-10);
    }

    [Fact]
    public void RmsProp_centered_with_momentum_follows_PyTorch()
    {
        // v = (1 − α)g²; ḡ = (1 − α)g; ṽ = v − ḡ²; b = g/(√ṽ + ε); θ ← θ − lr·b. α 0.9, lr 0.01, θ₀ = 1, g = 0.5:
        //   v = 0.025, ḡ = 0.05, ṽ = 0.025 − 0.0025 = 0.0225, √ṽ = 0.15, b = 0.5/0.15 = 3.333…, θ = 1 − 0.0333… = 0.9666…
        var options = TorchOptimizerOptions.PyTorchDefaults(Kind.RMSProp) with
        {
            LearningRate = 0.01, Alpha = 0.9, Centered = true, Momentum = 0.5, Epsilon = 1e-8,
        };
        Assert.Equal(1 - 0.01 * 0.5 / (0.15 + 1e-8), OneStep(options)[0], tolerance: 1e-12);
    }

    [Fact]
    public void Adam_with_amsgrad_and_maximize_follows_PyTorch()
    {
        // Step 1: g ← −g; m = 0.1·g; v = 0.001·g²; m̂ = g, √v̂ = |g|; θ ← θ − lr·m̂/(√v̂ + ε):
        //   θ₀ = 1, g = −0.5: 1 + 0.05·0.5/(0.5 + 1e-8);  θ₁ = −2, g = −0.25: −2 + 0.05·0.25/(0.25 + 1e-8);
        //   θ₂ = 0.5, g = 1: 0.5 − 0.05·1/(1 + 1e-8).
        var options = TorchOptimizerOptions.PyTorchDefaults(Kind.Adam) with { LearningRate = 0.05, Amsgrad = true, Maximize = true };
        double[] theta = OneStep(options);
        Assert.Equal(1 + 0.05 * 0.5 / (0.5 + 1e-8), theta[0], tolerance: 1e-12);
        Assert.Equal(-2 + 0.05 * 0.25 / (0.25 + 1e-8), theta[1], tolerance: 1e-12);
        Assert.Equal(0.5 - 0.05 * 1.0 / (1.0 + 1e-8), theta[2], tolerance: 1e-12);
    }

    [Fact]
    public void A_float_trajectory_stays_float()
    {
        var options = TorchOptimizerOptions.PyTorchDefaults(Kind.Sgd) with { LearningRate = 0.1 };
        float[][] theta = TorchReference.Trajectory(options, [1f, 2f, 3f], [[1f, 1f, 1f]]);
        Assert.Equal([0.9f, 1.9f, 2.9f], theta[0]);
    }
}
