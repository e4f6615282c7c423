using OptGen.Tests.Reference;
using Xunit;

namespace OptGen.Tests.Optimizers;

/// <summary>Schedule-Free's train and eval modes behave as the reference's optimizer.train() / optimizer.eval().</summary>
public class ScheduleFreeModeTests
{
    [Fact]
    public void A_new_optimizer_is_in_evaluation_mode_and_refuses_to_step()
    {
        var optimizer = new ScheduleFreeAdamWPlainD();
        Assert.False(optimizer.IsTraining);
        double[] parameters = [1, 2, 3, 4, 5];
        var error = Assert.Throws<InvalidOperationException>(() => optimizer.Step(parameters, [1, 1, 1, 1, 1]));
        Assert.Contains("Train(parameters)", error.Message);
        Assert.Equal([1.0, 2, 3, 4, 5], parameters);
    }

    [Fact]
    public void The_first_Train_leaves_the_parameters_and_Eval_then_Train_round_trips_through_x()
    {
        var optimizer = new ScheduleFreeAdamWAllD();
        double[] parameters = Parity.InitialParameters<double>(6, 3);
        double[] before = [.. parameters];
        optimizer.Train(parameters);
        Assert.Equal(before, parameters);
        foreach (double[] g in Parity.Gradients<double>(6, 40, 3))
        {
            optimizer.Step(parameters, g);
        }

        double[] y = [.. parameters];
        optimizer.Eval(parameters);
        Assert.False(optimizer.IsTraining);
        Assert.NotEqual(y, parameters);
        optimizer.Eval(parameters); // already evaluating: nothing changes
        double[] x = [.. parameters];
        optimizer.Train(parameters);
        Parity.AssertCloseAfterStep(y, parameters, 1e-12, "y after Eval then Train", 40);
        Assert.NotEqual(x, parameters);
    }

    [Fact]
    public void Eval_gives_the_references_x()
    {
        TorchOptimizerOptions options = TorchOptimizerOptions.For<ScheduleFreeAdamWWarmupD>();
        double[] initial = Parity.InitialParameters<double>(4, 8);
        double[][] gradients = Parity.Gradients<double>(4, 80, 8);
        double[] expected = AuthorsReplay.ScheduleFreeEval(options, initial, gradients);

        var optimizer = new ScheduleFreeAdamWWarmupD();
        double[] parameters = [.. initial];
        optimizer.Train(parameters);
        foreach (double[] g in gradients)
        {
            optimizer.Step(parameters, g);
        }

        optimizer.Eval(parameters);
        Parity.AssertCloseAfterStep(expected, parameters, Parity.DoubleTolerance, "x after Eval", 80);
    }

    [Fact]
    public void The_mode_survives_SaveState_and_LoadState()
    {
        var optimizer = new ScheduleFreeAdamWPlainD();
        double[] parameters = [1, 2, 3, 4, 5];
        optimizer.Train(parameters);
        optimizer.Step(parameters, [0.1, -0.2, 0.3, -0.4, 0.5]);
        var state = new double[optimizer.StateLength];
        optimizer.SaveState(state);
        var resumed = new ScheduleFreeAdamWPlainD();
        resumed.LoadState(state);
        Assert.True(resumed.IsTraining);
    }
}
