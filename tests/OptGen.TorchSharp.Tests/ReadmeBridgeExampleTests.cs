using Xunit;
// README:begin
using OptGen;
using OptGen.TorchSharp;
using static TorchSharp.torch;

[Optimizer(Kind.AdamW, ElementType = typeof(float), LearningRate = 1e-2)]
public partial class NetAdamW;

public static class BridgeExample
{
    public static void Train(nn.Module<Tensor, Tensor> model, IEnumerable<(Tensor X, Tensor Y)> batches)
    {
        using var parameters = TorchParameters<float>.From(model);  // named_parameters(), in place: no copies
        var adamW = new NetAdamW(parameters.TotalLength);
        foreach ((Tensor x, Tensor y) in batches)
        {
            using var scope = NewDisposeScope();
            parameters.ZeroGrad();                                    // optimizer.zero_grad()
            nn.functional.cross_entropy(model.forward(x), y).backward();
            parameters.Step(adamW);                                   // optimizer.step(): every tensor, one call
        }
    }
}
// README:end

namespace OptGen.TorchSharp.Tests
{
    /// <summary>
    /// The README's bridge example compiles (it is the code above), trains a TorchSharp MLP to where
    /// torch.optim.AdamW takes the same model on the same batches, and is quoted verbatim.
    /// </summary>
    public class ReadmeBridgeExampleTests
    {
        [Fact]
        public void TheExampleEndsWhereTorchOptimAdamWEnds()
        {
            TorchForTests.Load();
            using var scope = NewDisposeScope();
            (Tensor x, Tensor y) = Models.Data(8, 64, 20);
            var batches = Enumerable.Range(0, 100).Select(step => (x[TensorIndex.Slice(step * 16 % 64, step * 16 % 64 + 16)], y[TensorIndex.Slice(step * 16 % 64, step * 16 % 64 + 16)])).ToList();

            nn.Module<Tensor, Tensor> ours = Models.Mlp(7);
            BridgeExample.Train(ours, batches);

            nn.Module<Tensor, Tensor> theirs = Models.Mlp(7);
            // PyTorch's defaults, as the attribute's (TorchSharp's own default weight decay is 0, PyTorch's 0.01).
            using (optim.Optimizer adamW = optim.AdamW(theirs.parameters(), lr: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.01))
            {
                foreach ((Tensor xb, Tensor yb) in batches)
                {
                    using var stepScope = NewDisposeScope();
                    adamW.zero_grad();
                    nn.functional.cross_entropy(theirs.forward(xb), yb).backward();
                    adamW.step();
                }
            }

            BridgeParityTests.AssertClose(Models.Values(theirs), Models.Values(ours), 1e-5);
            float moved = Models.Values(ours).Zip(Models.Values(Models.Mlp(7))).Max(p => p.First.Zip(p.Second).Max(v => Math.Abs(v.First - v.Second)));
            Assert.True(moved > 1e-2, $"training moved the parameters by {moved} only");
        }

        [Fact]
        public void TheReadmeQuotesTheExampleVerbatim()
        {
            string root = RepositoryRoot();
            string source = File.ReadAllText(Path.Combine(root, "tests", "OptGen.TorchSharp.Tests", "ReadmeBridgeExampleTests.cs")).ReplaceLineEndings("\n");
            string readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
            int begin = source.IndexOf("// README:begin\n", StringComparison.Ordinal);
            int end = source.IndexOf("// README:end", StringComparison.Ordinal);
            Assert.True(begin >= 0 && end > begin, "the README markers are missing from this file");
            string example = source[(begin + "// README:begin\n".Length)..end];
            Assert.Contains("```csharp\n" + example + "```", readme, StringComparison.Ordinal);
        }

        private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
    }
}
