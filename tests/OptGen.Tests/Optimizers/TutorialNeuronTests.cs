using OptGen.Tests.Reference;
using Xunit;

namespace OptGen.Tests.Optimizers;

// The tutorial's six runs, with the learning rates of formulas.md.
[Optimizer(Kind.Sgd, Params = 2, LearningRate = 1.0)]
internal partial class NeuronSgd;

[Optimizer(Kind.Momentum, Params = 2, LearningRate = 1.0, Momentum = 0.9)]
internal partial class NeuronMomentum;

[Optimizer(Kind.Nesterov, Params = 2, LearningRate = 1.0, Momentum = 0.9)]
internal partial class NeuronNesterov;

[Optimizer(Kind.Adagrad, Params = 2, LearningRate = 1.0, Epsilon = 1e-8)]
internal partial class NeuronAdagrad;

[Optimizer(Kind.RMSProp, Params = 2, LearningRate = 0.1, Alpha = 0.9)]
internal partial class NeuronRmsProp;

[Optimizer(Kind.Adam, Params = 2, LearningRate = 0.1)]
internal partial class NeuronAdam;

/// <summary>
/// The tutorial's sigmoid neuron f(x) = 1 / (1 + e^-(w·x + b)) on X = [0.5, 2.5], Y = [0.2, 0.9] from w = b = −2, with
/// loss Σ ½(f(x) − y)², trained full batch for 1000 epochs: the generated optimizers, fed a gradient worked out by
/// hand, against TorchSharp's autograd and torch.optim on the same problem.
/// </summary>
public class TutorialNeuronTests
{
    private const int Epochs = 1000;

    // The minimum has zero loss: f(0.5) = 0.2 and f(2.5) = 0.9, i.e. 0.5w + b = logit(0.2) = ln(0.2/0.8) = ln(1/4) and
    // 2.5w + b = logit(0.9) = ln(0.9/0.1) = ln 9. Subtracting, 2w = ln 9 − ln(1/4) = ln 36, so w* = ln 6
    // (1.7917594692280…) and b* = ln(1/4) − ½ ln 6 (−2.2821740957339…).
    private static readonly double WStar = Math.Log(6.0);
    private static readonly double BStar = Math.Log(0.25) - 0.5 * Math.Log(6.0);

    /// <summary>The loss at (w, b), and its gradient written into <paramref name="gradient"/> = [∂L/∂w, ∂L/∂b].</summary>
    /// <remarks>
    /// With z = w·x + b and f = σ(z): ∂½(f − y)²/∂z = (f − y)·f·(1 − f), since σ'(z) = σ(z)(1 − σ(z)); then ∂z/∂w = x
    /// and ∂z/∂b = 1.
    /// </remarks>
    internal static double LossAndGradient(double w, double b, Span<double> gradient)
    {
        double loss = 0, dw = 0, db = 0;
        for (int i = 0; i < TorchNeuron.X.Length; i++)
        {
            double x = TorchNeuron.X[i], y = TorchNeuron.Y[i];
            double f = 1.0 / (1.0 + Math.Exp(-(w * x + b)));
            double dz = (f - y) * f * (1.0 - f);
            loss += 0.5 * (f - y) * (f - y);
            dw += dz * x;
            db += dz;
        }

        gradient[0] = dw;
        gradient[1] = db;
        return loss;
    }

    /// <summary>Trains the neuron with a generated optimizer; index e is the state after e epochs.</summary>
    internal static NeuronTrajectory Train<TOptimizer>(TOptimizer optimizer, int epochs = Epochs)
        where TOptimizer : IOptimizer<double>
    {
        Span<double> theta = [-2.0, -2.0];
        Span<double> gradient = stackalloc double[2];
        var ws = new double[epochs + 1];
        var bs = new double[epochs + 1];
        var losses = new double[epochs + 1];
        for (int e = 0; ; e++)
        {
            ws[e] = theta[0];
            bs[e] = theta[1];
            losses[e] = LossAndGradient(theta[0], theta[1], gradient);
            if (e == epochs)
            {
                return new NeuronTrajectory(ws, bs, losses);
            }

            optimizer.Step(theta, gradient);
        }
    }

    /// <summary>
    /// Asserts that two neuron trajectories agree at every epoch within the double parity bound,
    /// 1e-11 · max(1, |torch|). The gradients differ in the last bits (autograd multiplies in another order); over
    /// 1000 epochs the runs measured here stay within 1e-13 of each other, oscillating RMSProp included.
    /// </summary>
    private static void AssertSameTrajectory(NeuronTrajectory torch, NeuronTrajectory generated, string what)
    {
        const double tolerance = 1e-11;
        Assert.Equal(torch.Epochs, generated.Epochs);
        for (int e = 0; e <= torch.Epochs; e++)
        {
            Check(torch.W[e], generated.W[e], "w");
            Check(torch.B[e], generated.B[e], "b");
            Check(torch.Loss[e], generated.Loss[e], "loss");

            void Check(double expected, double actual, string name)
            {
                double bound = tolerance * Math.Max(1.0, Math.Abs(expected));
                if (!(Math.Abs(actual - expected) <= bound))
                {
                    Assert.Fail($"{what}, epoch {e}: {name} is {actual:R}, torch has {expected:R} (|difference| {Math.Abs(actual - expected):R} > {bound:R}).");
                }
            }
        }
    }

    private static (NeuronTrajectory Torch, NeuronTrajectory Generated) Both<TOptimizer>(TOptimizer optimizer)
        where TOptimizer : IOptimizer<double>
    {
        NeuronTrajectory torch = TorchNeuron.Train(TorchOptimizerOptions.For<TOptimizer>(), Epochs);
        NeuronTrajectory generated = Train(optimizer);
        AssertSameTrajectory(torch, generated, typeof(TOptimizer).Name);
        return (torch, generated);
    }

    private static void AssertAtMinimum(NeuronTrajectory run, string what)
    {
        Assert.True(run.Loss[^1] < 1e-28, $"{what}: final loss {run.Loss[^1]:R} is not ~0");
        Assert.Equal(WStar, run.W[^1], tolerance: 1e-12);
        Assert.Equal(BStar, run.B[^1], tolerance: 1e-12);
    }

    [Fact]
    public void The_hand_gradient_agrees_with_torch_autograd_at_the_start()
    {
        // Before any step, both trajectories hold the loss at (−2, −2); see The_first_two_gradient_descent_steps_...
        NeuronTrajectory torch = TorchNeuron.Train(TorchOptimizerOptions.For<NeuronSgd>(), epochs: 1);
        Span<double> gradient = stackalloc double[2];
        double loss = LossAndGradient(-2.0, -2.0, gradient);
        Assert.Equal(torch.Loss[0], loss, tolerance: 1e-15);
        // One step of lr 1 moves by exactly the gradient, so torch's gradient is −(θ₁ − θ₀).
        Assert.Equal(-(torch.W[1] - torch.W[0]), gradient[0], tolerance: 1e-15);
        Assert.Equal(-(torch.B[1] - torch.B[0]), gradient[1], tolerance: 1e-15);
    }

    [Fact]
    public void The_first_two_gradient_descent_steps_match_the_values_worked_out_by_hand()
    {
        // Step 1, from w = b = −2 (values to 13 significant digits):
        //   x = 0.5, y = 0.2:  z = −2·0.5 − 2 = −3;  e^3 = 20.08553692319;  f = 1/(1 + 20.08553692319) = 0.04742587317757
        //                      f − y = −0.1525741268224;  f(1 − f) = 0.04742587317757 · 0.9525741268224 = 0.04517665973091
        //                      (f − y)·f(1 − f) = −0.006892789411198;  times x = 0.5: −0.003446394705599
        //   x = 2.5, y = 0.9:  z = −2·2.5 − 2 = −7;  e^7 = 1096.633158428;  f = 1/1097.633158428 = 0.0009110511944006
        //                      f − y = −0.8990889488056;  f(1 − f) = 0.0009102211801218
        //                      (f − y)·f(1 − f) = −0.0008183698040163;  times x = 2.5: −0.002045924510041
        //   loss = ½(0.1525741268224² + 0.8990889488056²) = ½(0.02327886389 + 0.8083609362) = 0.4158199010200
        //   ∂L/∂w = −0.003446394705599 − 0.002045924510041 = −0.005492319215640
        //   ∂L/∂b = −0.006892789411198 − 0.0008183698040163 = −0.007711159215214
        //   lr = 1:  w₁ = −2 + 0.005492319215640 = −1.994507680784360;  b₁ = −2 + 0.007711159215214 = −1.992288840784786
        // Step 2, from (w₁, b₁):
        //   x = 0.5:  z = 0.5·w₁ + b₁ = −0.997253840392180 − 1.992288840784786 = −2.989542681176966
        //             e^−z = 19.87659047379;  f = 0.04790054205717;  f − y = −0.1520994579428;  f(1 − f) = 0.04560608012780
        //             (f − y)·f(1 − f) = −0.006936660066336;  times 0.5: −0.003468330033168
        //   x = 2.5:  z = 2.5·w₁ + b₁ = −4.986269201960900 − 1.992288840784786 = −6.978558042745686
        //             e^−z = 1073.369497629;  f = 0.0009307784725898;  f − y = −0.8990692215274;  f(1 − f) = 0.0009299121240248
        //             (f − y)·f(1 − f) = −0.0008360553694359;  times 2.5: −0.002090138423590
        //   loss = ½(0.1520994579428² + 0.8990692215274²) = 0.4157298551022
        //   ∂L/∂w = −0.003468330033168 − 0.002090138423590 = −0.005558468456758
        //   ∂L/∂b = −0.006936660066336 − 0.0008360553694359 = −0.007772715435772
        //   w₂ = w₁ + 0.005558468456758 = −1.988949212327603;  b₂ = b₁ + 0.007772715435772 = −1.984516125349014
        const double tolerance = 2e-15;
        var optimizer = new NeuronSgd();
        Span<double> theta = [-2.0, -2.0];
        Span<double> gradient = stackalloc double[2];

        Assert.Equal(0.4158199010200, LossAndGradient(theta[0], theta[1], gradient), tolerance: 1e-12);
        Assert.Equal(-0.005492319215640, gradient[0], tolerance: 1e-15);
        Assert.Equal(-0.007711159215214, gradient[1], tolerance: 1e-15);
        optimizer.Step(theta, gradient);
        Assert.Equal(-1.994507680784360, theta[0], tolerance);
        Assert.Equal(-1.992288840784786, theta[1], tolerance);

        Assert.Equal(0.4157298551022, LossAndGradient(theta[0], theta[1], gradient), tolerance: 1e-12);
        Assert.Equal(-0.005558468456758, gradient[0], tolerance: 1e-15);
        Assert.Equal(-0.007772715435772, gradient[1], tolerance: 1e-15);
        optimizer.Step(theta, gradient);
        Assert.Equal(-1.988949212327603, theta[0], tolerance);
        Assert.Equal(-1.984516125349014, theta[1], tolerance);

        // And torch's first two steps are the same numbers.
        NeuronTrajectory torch = TorchNeuron.Train(TorchOptimizerOptions.For<NeuronSgd>(), epochs: 2);
        Assert.Equal(-1.994507680784360, torch.W[1], tolerance);
        Assert.Equal(-1.992288840784786, torch.B[1], tolerance);
        Assert.Equal(-1.988949212327603, torch.W[2], tolerance);
        Assert.Equal(-1.984516125349014, torch.B[2], tolerance);
    }

    [Fact]
    public void Gradient_descent_agrees_with_torch_and_reaches_loss_2_43e_11()
    {
        var (_, run) = Both(new NeuronSgd());
        // formulas.md: SGD with lr 1 reaches loss 2.43e-11 after 1000 epochs (three significant digits).
        Assert.InRange(run.Loss[^1], 2.425e-11, 2.435e-11);
        // Still descending, monotonically, towards the minimum.
        for (int e = 1; e <= Epochs; e++)
        {
            Assert.True(run.Loss[e] < run.Loss[e - 1], $"the loss rose at epoch {e}");
        }
    }

    [Fact]
    public void Momentum_agrees_with_torch_and_reaches_the_minimum()
    {
        var (_, run) = Both(new NeuronMomentum());
        AssertAtMinimum(run, nameof(NeuronMomentum));
    }

    [Fact]
    public void Momentum_traces_the_tutorial_form_bit_for_bit()
    {
        // formulas.md: torch's b ← μb + g; θ ← θ − lr·b is, for a constant lr of 1, the tutorial's v ← γv + η∇; w ← w − v.
        NeuronTrajectory generated = Train(new NeuronMomentum());
        double w = -2, b = -2, vw = 0, vb = 0;
        Span<double> gradient = stackalloc double[2];
        for (int e = 1; e <= Epochs; e++)
        {
            LossAndGradient(w, b, gradient);
            vw = 0.9 * vw + 1.0 * gradient[0];
            vb = 0.9 * vb + 1.0 * gradient[1];
            w -= vw;
            b -= vb;
            Assert.Equal(BitConverter.DoubleToInt64Bits(w), BitConverter.DoubleToInt64Bits(generated.W[e]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(b), BitConverter.DoubleToInt64Bits(generated.B[e]));
        }
    }

    [Fact]
    public void Nesterov_agrees_with_torch_and_reaches_the_minimum()
    {
        var (_, run) = Both(new NeuronNesterov());
        AssertAtMinimum(run, nameof(NeuronNesterov));
    }

    [Fact]
    public void Nesterov_parameters_are_the_tutorial_look_ahead_point()
    {
        // formulas.md: the tutorial's NAG (w_look = w − γv; v ← γv + η∇(w_look); w ← w − v) and torch's
        // SGD(nesterov=True) differ in which point they call the parameters: torch's θ is the tutorial's w − γv.
        NeuronTrajectory generated = Train(new NeuronNesterov());
        const double gamma = 0.9, eta = 1.0;
        double w = -2, b = -2, vw = 0, vb = 0, farthest = 0;
        Span<double> gradient = stackalloc double[2];
        for (int e = 1; e <= Epochs; e++)
        {
            LossAndGradient(w - gamma * vw, b - gamma * vb, gradient);
            vw = gamma * vw + eta * gradient[0];
            vb = gamma * vb + eta * gradient[1];
            w -= vw;
            b -= vb;
            Assert.Equal(w - gamma * vw, generated.W[e], tolerance: 1e-12);
            Assert.Equal(b - gamma * vb, generated.B[e], tolerance: 1e-12);
            farthest = Math.Max(farthest, Math.Abs(w - generated.W[e]));
        }

        // ...and not the tutorial's w itself, which is elsewhere while the run moves.
        Assert.True(farthest > 1e-2, $"the tutorial's w never left torch's θ by more than {farthest:R}");
    }

    [Fact]
    public void Adagrad_agrees_with_torch_and_reaches_the_minimum()
    {
        var (_, run) = Both(new NeuronAdagrad());
        AssertAtMinimum(run, nameof(NeuronAdagrad));
    }

    [Fact]
    public void Adam_agrees_with_torch_and_reaches_the_minimum()
    {
        var (_, run) = Both(new NeuronAdam());
        AssertAtMinimum(run, nameof(NeuronAdam));
    }

    [Fact]
    public void RmsProp_agrees_with_torch_and_stalls_oscillating_near_loss_1_65e_4()
    {
        var (_, run) = Both(new NeuronRmsProp());
        // formulas.md: RMSProp with lr 0.1 and α 0.9 stalls at loss 1.65e-4, oscillating.
        Assert.InRange(run.Loss[^1], 1.645e-4, 1.655e-4);
        double[] last = run.Loss[^100..];
        Assert.True(last.Max() > 1.1 * last.Min(), "the loss no longer oscillates over the last 100 epochs");
        Assert.True(last.Min() > 1e-4, $"the loss fell to {last.Min():R}: it did not stall");
    }
}
