using System.Text;

namespace OptGen.Distributed.Mpi;

/// <summary>
/// MPI in this process, from MPI_Init to MPI_Finalize: loads the library the launcher belongs to, checks that the
/// library and the launcher agree on the world, and turns an exception on any rank into an abort of the whole
/// job, so no rank is left waiting in a collective for one that has died.
/// </summary>
/// <remarks>MPI can be initialised once per process: after <see cref="Dispose"/>, no session can start again.</remarks>
public sealed unsafe class MpiSession : IDisposable
{
    private static int s_started;
    private bool _finalized;

    private MpiSession(Communicator world) => World = world;

    /// <summary>MPI_COMM_WORLD.</summary>
    public Communicator World { get; }

    /// <summary>Initialises MPI for a process started by <c>mpirun</c> (or another MPI launcher).</summary>
    /// <param name="launch">The launch environment; by default this process's.</param>
    /// <exception cref="MpiException">
    /// No launcher started the process, no MPI library is installed, the library is not the launcher's, MPI was
    /// initialised before in this process, or the library sees a different world than the launcher started.
    /// </exception>
    public static MpiSession Start(LaunchEnvironment? launch = null)
    {
        launch ??= LaunchEnvironment.Current;
        if (!launch.IsLaunched)
        {
            throw new MpiException(
                "This process was not started by an MPI launcher (its environment has neither OMPI_COMM_WORLD_SIZE nor PMI_SIZE). "
                + "Start it with `mpirun -np <ranks> <command>`, or run the single-process simulation of the ranks instead.");
        }

        (MpiFamily family, MpiHandles handles) = MpiLibrary.Load(launch);
        if (Interlocked.Exchange(ref s_started, 1) != 0)
        {
            throw new MpiException("MPI was already initialised in this process; MPI can be initialised only once per process.");
        }

        int initialized;
        NativeMpi.MPI_Initialized(&initialized);
        if (initialized != 0)
        {
            throw new MpiException("MPI was already initialised in this process by other code; MPI can be initialised only once per process.");
        }

        Check(NativeMpi.MPI_Init(null, null), "MPI_Init");
        int rank, size;
        Check(NativeMpi.MPI_Comm_rank(handles.CommWorld, &rank), "MPI_Comm_rank");
        Check(NativeMpi.MPI_Comm_size(handles.CommWorld, &size), "MPI_Comm_size");
        var session = new MpiSession(new Communicator(handles, family, rank, size, LibraryVersion()));
        if (size != launch.Size || rank != launch.Rank)
        {
            session.Dispose();
            throw new MpiException(
                $"The launcher started this process as rank {launch.Rank} of {launch.Size}, but the MPI library sees rank {rank} of {size}: "
                + $"the launcher and the library ({MpiLibrary.Describe(family)}, '{launch.LibraryName}') do not belong together. "
                + "Use the mpirun that comes with the library.");
        }

        return session;
    }

    /// <summary>
    /// Runs <paramref name="body"/> on every rank and returns its exit code. Whatever goes wrong is reported on
    /// standard error and ends the process with a non-zero code: MPI that cannot start (3); a world of another size
    /// than <paramref name="expectedRanks"/> (4; rank 0 says so); an exception on any rank, which is printed with
    /// that rank's number and aborts the whole job (MPI_Abort with code 1).
    /// </summary>
    public static int Run(Func<Communicator, int> body, int? expectedRanks = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        error ??= Console.Error;
        MpiSession session;
        try
        {
            session = Start();
        }
        catch (MpiException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return 3;
        }

        using (session)
        {
            Communicator world = session.World;
            if (expectedRanks is { } expected && expected != world.Size)
            {
                // Every rank sees the same size, so every rank stops here; none waits for another.
                if (world.Rank == 0)
                {
                    error.WriteLine($"error: this run needs {expected} ranks, but it was launched with {world.Size}; start it with `mpirun -np {expected} ...`.");
                }

                return 4;
            }

            void AbortOnUnhandled(object? sender, UnhandledExceptionEventArgs e) =>
                Fail(world, error, e.ExceptionObject as Exception);
            AppDomain.CurrentDomain.UnhandledException += AbortOnUnhandled;
            try
            {
                return body(world);
            }
            catch (Exception exception)
            {
                Fail(world, error, exception);
                return 1;
            }
            finally
            {
                AppDomain.CurrentDomain.UnhandledException -= AbortOnUnhandled;
            }
        }
    }

    /// <summary>Calls MPI_Finalize (every rank must).</summary>
    public void Dispose()
    {
        if (!_finalized)
        {
            _finalized = true;
            NativeMpi.MPI_Finalize();
        }
    }

    private static void Fail(Communicator world, TextWriter error, Exception? exception)
    {
        string what = exception is null ? "an unknown error" : $"{exception.GetType().Name}: {exception.Message}";
        error.WriteLine($"error: rank {world.Rank} of {world.Size} failed: {what}");
        error.Flush();
        world.Abort(1);
    }

    private static string LibraryVersion()
    {
        // MPICH's MPI_MAX_LIBRARY_VERSION_STRING is 8192, Open MPI's 256: the larger fits both.
        var buffer = new byte[8192];
        int length;
        fixed (byte* pointer = buffer)
        {
            Check(NativeMpi.MPI_Get_library_version(pointer, &length), "MPI_Get_library_version");
        }

        return Encoding.UTF8.GetString(buffer, 0, Math.Clamp(length, 0, buffer.Length)).Trim('\0', ' ', '\n');
    }

    private static void Check(int code, string function)
    {
        if (code != 0)
        {
            throw new MpiException($"{function} failed with MPI error code {code}.");
        }
    }
}
