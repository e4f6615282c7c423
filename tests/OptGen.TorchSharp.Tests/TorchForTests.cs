using OptGen.Reference;

namespace OptGen.TorchSharp.Tests;

/// <summary>Loads TorchSharp for a test, on one intra-op thread: these models are tiny, and libtorch's thread pool on a busy two-core machine only waits.</summary>
internal static class TorchForTests
{
    public static void Load()
    {
        TorchSharpNative.EnsureLoaded();
        global::TorchSharp.torch.set_num_threads(1);
    }
}
