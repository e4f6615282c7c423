// The models are built from torch.random.manual_seed, which is process-wide: tests that seed it must not interleave.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
