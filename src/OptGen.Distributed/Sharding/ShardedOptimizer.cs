using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace OptGen.Distributed.Sharding;

/// <summary>
/// ZeRO stage 1 (Rajbhandari et al. 2020): data-parallel ranks each hold the whole parameter vector and compute a
/// gradient on their part of the batch, but each keeps and updates only its shard of the optimizer state. A step
/// reduce-scatters the ranks' gradients (each rank receives the sum over ranks of its shard, added in rank order),
/// scales them as they are read, optionally clips them by the global norm, steps the shard, and all-gathers the
/// updated parameters.
/// </summary>
/// <remarks>
/// Two implementations do the same arithmetic in the same order: <see cref="MpiShardedOptimizer{T, TOptimizer}"/>,
/// one rank per MPI process, and <see cref="SimulatedShardedOptimizer{T, TOptimizer}"/>, which plays every rank in one
/// process — so a simulated run gives the parameters of a real one bit for bit, and is how a distributed run is checked.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public abstract class ShardedOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected ShardedOptimizer(ShardLayout layout, double? clipGradNorm)
    {
        if (clipGradNorm is { } c && !(c > 0 && double.IsFinite(c)))
        {
            throw new ArgumentOutOfRangeException(nameof(clipGradNorm), c, "The gradient-norm limit must be a positive finite number.");
        }

        Layout = layout;
        ClipGradNorm = clipGradNorm;
    }

    /// <summary>The cut of the parameters into shards, one per rank.</summary>
    public ShardLayout Layout { get; }

    /// <summary>The number of ranks.</summary>
    public int RankCount => Layout.Ranks;

    /// <summary>The first rank this process plays (its MPI rank; 0 when simulating).</summary>
    public abstract int FirstLocalRank { get; }

    /// <summary>The number of ranks this process plays (1 under MPI; all of them when simulating).</summary>
    public abstract int LocalRankCount { get; }

    /// <summary>Whether this process plays rank 0, which writes checkpoints.</summary>
    public bool IsRoot => FirstLocalRank == 0;

    /// <summary>The global gradient-norm limit (torch's clip_grad_norm_ before each step), or null for none.</summary>
    public double? ClipGradNorm { get; }

    /// <summary>Where the steps spent their time.</summary>
    public StepTimings Timings { get; } = new();

    /// <summary>The learning rate of the next step (every shard's).</summary>
    public abstract double LearningRate { get; set; }

    /// <summary>The number of steps taken.</summary>
    public abstract long StepCount { get; }

    /// <summary>The bytes of optimizer state this process holds (its shards' StateLength × the element size).</summary>
    public abstract long StateBytes { get; }

    /// <summary>The bytes of optimizer state one rank holds: this rank's under MPI, the largest shard's when simulating.</summary>
    public abstract long StateBytesPerRank { get; }

    /// <summary>The length of the whole state: what one optimizer over every parameter would save.</summary>
    public abstract int WholeStateLength { get; }

    /// <summary>The full name of the shards' optimizer type (a checkpoint resumes only into the same).</summary>
    public abstract string ShardTypeName { get; }

    /// <summary>
    /// The buffer rank <paramref name="rank"/> (one this process plays) writes its local gradient into before
    /// <see cref="Step"/>: the gradient of its part of the batch, over every parameter.
    /// </summary>
    public abstract Span<T> Gradient(int rank);

    /// <summary>
    /// One data-parallel step over <paramref name="parameters"/> (the whole vector, the same on every rank): the sum
    /// of the ranks' gradients, times <paramref name="gradientScale"/> (and the clip factor), updates each shard;
    /// afterwards every rank holds the whole updated vector.
    /// </summary>
    public abstract void Step(Span<T> parameters, T gradientScale);

    /// <summary>
    /// Gathers <paramref name="width"/> numbers from each rank: <paramref name="local"/> holds those of the ranks this
    /// process plays, in order; <paramref name="all"/> receives every rank's, rank 0's first. A collective.
    /// </summary>
    public abstract void GatherScalars(ReadOnlySpan<double> local, Span<double> all, int width);

    /// <summary>Writes the whole state to <paramref name="whole"/> on rank 0 (other ranks pass an empty span). A collective.</summary>
    public abstract void SaveWholeState(Span<T> whole);

    /// <summary>Loads this process's shards from the whole state (as <see cref="SaveWholeState"/> wrote it, with any number of ranks).</summary>
    public abstract void LoadWholeState(ReadOnlySpan<T> whole);

    /// <summary>
    /// Runs <paramref name="read"/> on rank 0 and gives its bytes to every rank. If it throws an
    /// <see cref="IOException"/>, rank 0 rethrows it and every other rank throws one with its message. A collective.
    /// </summary>
    public abstract byte[] ShareFromRoot(Func<byte[]> read);
}

/// <summary>What both implementations share: the shards, their buffers, and the order of a step.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TOptimizer">The generated, constructor-sized optimizer of one shard.</typeparam>
public abstract class ShardedOptimizer<T, TOptimizer> : ShardedOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TOptimizer : IOptimizer<T>
{
    private readonly TOptimizer[] _shards;
    private readonly T[][] _gradients;
    private readonly T[][] _pieces;
    private readonly T[][] _summed;
    private readonly double[] _localNorms;
    private readonly double[] _allNorms;

    private protected ShardedOptimizer(ShardLayout layout, int firstLocalRank, int localRanks, Func<int, TOptimizer> create, double? clipGradNorm)
        : base(layout, clipGradNorm)
    {
        ArgumentNullException.ThrowIfNull(create);
        State = StateLayout.Of<T, TOptimizer>(create);
        FirstLocalRank = firstLocalRank;
        LocalRankCount = localRanks;
        _shards = new TOptimizer[localRanks];
        _gradients = new T[localRanks][];
        _pieces = new T[localRanks][];
        _summed = new T[localRanks][];
        _localNorms = new double[localRanks];
        _allNorms = new double[layout.Ranks];
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < localRanks; k++)
        {
            _shards[k] = create(layout.Length(firstLocalRank + k));
            if (_shards[k].ParameterCount != layout.Length(firstLocalRank + k))
            {
                throw new ArgumentException(
                    $"The factory made an optimizer of {_shards[k].ParameterCount} parameters when asked for {layout.Length(firstLocalRank + k)}.", nameof(create));
            }
        }

        OptimizerAllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        for (int k = 0; k < localRanks; k++)
        {
            int length = layout.Length(firstLocalRank + k);
            _gradients[k] = new T[layout.ParameterCount];
            _pieces[k] = new T[checked(length * layout.Ranks)];
            _summed[k] = new T[length];
        }
    }

    /// <inheritdoc/>
    public sealed override int FirstLocalRank { get; }

    /// <inheritdoc/>
    public sealed override int LocalRankCount { get; }

    /// <summary>The bytes the managed heap grew by while this process's shard optimizers were made (measured, not computed).</summary>
    public long OptimizerAllocatedBytes { get; }

    /// <inheritdoc/>
    public sealed override double LearningRate
    {
        get => _shards[0].LearningRate;
        set
        {
            for (int k = 0; k < _shards.Length; k++)
            {
                _shards[k].LearningRate = value;
            }
        }
    }

    /// <inheritdoc/>
    public sealed override long StepCount => _shards[0].StepCount;

    /// <inheritdoc/>
    public sealed override long StateBytes
    {
        get
        {
            long elements = 0;
            foreach (TOptimizer shard in _shards)
            {
                elements += shard.StateLength;
            }

            return elements * Unsafe.SizeOf<T>();
        }
    }

    /// <inheritdoc/>
    public sealed override long StateBytesPerRank => _shards.Max(shard => (long)shard.StateLength) * Unsafe.SizeOf<T>();

    /// <inheritdoc/>
    public sealed override int WholeStateLength => State.Length(Layout.ParameterCount);

    /// <inheritdoc/>
    public sealed override string ShardTypeName => typeof(TOptimizer).FullName ?? typeof(TOptimizer).Name;

    private protected StateLayout State { get; }

    /// <summary>The shard optimizer of the <paramref name="local"/>-th rank this process plays.</summary>
    public ref TOptimizer Shard(int local) => ref _shards[local];

    /// <inheritdoc/>
    public sealed override Span<T> Gradient(int rank) => _gradients[LocalIndex(rank)];

    /// <inheritdoc/>
    public sealed override void Step(Span<T> parameters, T gradientScale)
    {
        if (parameters.Length != Layout.ParameterCount)
        {
            throw new ArgumentException($"The parameter span has {parameters.Length} elements, but the optimizer shards {Layout.ParameterCount}.", nameof(parameters));
        }

        long start = Stopwatch.GetTimestamp();

        // Reduce-scatter: every local rank receives the P pieces of its shard and adds them in rank order.
        for (int k = 0; k < LocalRankCount; k++)
        {
            CollectPieces(k, _pieces[k]);
            RankOrder.Sum<T>(_pieces[k], _summed[k]);
        }

        long reduced = Stopwatch.GetTimestamp();
        T scale = gradientScale;
        if (ClipGradNorm is { } maxNorm)
        {
            // ‖g‖² of the scaled global gradient: each shard's part, gathered and added in rank order.
            for (int k = 0; k < LocalRankCount; k++)
            {
                _localNorms[k] = double.CreateChecked(RankOrder.SquaredNorm<T>(_summed[k], scale));
            }

            GatherScalars(_localNorms, _allNorms, 1);
            T total = T.Zero;
            foreach (double part in _allNorms)
            {
                total += T.CreateChecked(part);   // exact: each part is a T widened to double
            }

            scale *= GradientNorm.ClipCoefficient(T.Sqrt(total), maxNorm);
        }

        long clipped = Stopwatch.GetTimestamp();
        for (int k = 0; k < LocalRankCount; k++)
        {
            int rank = FirstLocalRank + k;
            StepShard(ref _shards[k], parameters.Slice(Layout.Start(rank), Layout.Length(rank)), _summed[k], scale);
        }

        long stepped = Stopwatch.GetTimestamp();
        ShareParameters(parameters);
        Timings.Add(start, reduced, clipped, stepped, Stopwatch.GetTimestamp());
    }

    /// <inheritdoc/>
    public sealed override void LoadWholeState(ReadOnlySpan<T> whole)
    {
        if (whole.Length != WholeStateLength)
        {
            throw new ArgumentException($"The whole state has {whole.Length} elements, but {Layout.ParameterCount} parameters of {typeof(TOptimizer).Name} need {WholeStateLength}.", nameof(whole));
        }

        for (int k = 0; k < LocalRankCount; k++)
        {
            int rank = FirstLocalRank + k;
            var shard = new T[_shards[k].StateLength];
            State.Slice(whole, Layout.ParameterCount, Layout.Start(rank), Layout.Length(rank), shard);
            _shards[k].LoadState(shard);
        }
    }

    /// <summary>This process's local rank <paramref name="k"/>'s saved state.</summary>
    private protected T[] SaveShard(int k)
    {
        var state = new T[_shards[k].StateLength];
        _shards[k].SaveState(state);
        return state;
    }

    /// <summary>Fills <paramref name="pieces"/> with the P pieces of local rank <paramref name="local"/>'s shard, rank 0's first.</summary>
    private protected abstract void CollectPieces(int local, Span<T> pieces);

    /// <summary>Gives every rank the shards the others updated.</summary>
    private protected abstract void ShareParameters(Span<T> parameters);

    /// <summary>The header of a saved state is the same on every rank (step count, learning rate, scalars); one that is not cannot be joined.</summary>
    private protected void CheckHeaders(ReadOnlySpan<T> first, ReadOnlySpan<T> other, int rank)
    {
        if (!first[..State.HeaderLength].SequenceEqual(other[..State.HeaderLength]))
        {
            throw new InvalidOperationException($"Rank {rank}'s optimizer state header differs from rank 0's; the shards are not in step and cannot be joined into one state.");
        }
    }

    private int LocalIndex(int rank)
    {
        int k = rank - FirstLocalRank;
        if ((uint)k >= (uint)LocalRankCount)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, $"This process plays ranks {FirstLocalRank} to {FirstLocalRank + LocalRankCount - 1}.");
        }

        return k;
    }

    // The scale (1/P, times the clip factor) is applied as the generated step reads each gradient: no extra pass.
    private static void StepShard(ref TOptimizer shard, Span<T> parameters, ReadOnlySpan<T> gradient, T scale) =>
        shard.Step(parameters, gradient, scale);
}
