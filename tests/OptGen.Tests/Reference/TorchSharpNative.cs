// Self-contained (no test framework): the benchmarks project links this file too.
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace OptGen.Reference;

/// <summary>
/// Makes TorchSharp-cpu 0.107.0 load on machines whose libstdc++ is older than GCC 13's.
/// </summary>
/// <remarks>
/// <para>
/// TorchSharp's glue library <c>runtimes/linux-x64/native/libLibTorchSharp.so</c> declares that it needs
/// the symbol version <c>GLIBCXX_3.4.32</c> of libstdc++ (GCC 13). The only symbol it takes from that
/// version is <c>std::ios_base_library_init()</c>, a link-time anchor that GCC 13's <c>&lt;iostream&gt;</c>
/// emits and that nothing calls (the library has no relocation against it). On Debian 12, whose libstdc++
/// (GCC 12) stops at <c>GLIBCXX_3.4.30</c>, the dynamic loader refuses the library, and TorchSharp's first
/// use throws <see cref="TypeInitializationException"/>.
/// </para>
/// <para>
/// <see cref="EnsureLoaded"/> fixes that where, and only where, it is needed: when the libstdc++ the
/// process will use does not define <c>GLIBCXX_3.4.32</c>, it marks that one version requirement weak
/// (<c>VER_FLG_WEAK</c> in the library's <c>.gnu.version_r</c> entry), so the loader accepts its absence.
/// It patches the copy in the application's output folder only (replacing the file atomically, so a hard
/// link into the NuGet cache is never written through), never the NuGet cache or the system.
/// </para>
/// </remarks>
internal static class TorchSharpNative
{
    /// <summary>The symbol version that TorchSharp 0.107.0's glue library needs but does not use.</summary>
    public const string UnusedVersion = "GLIBCXX_3.4.32";

    /// <summary>The file name of TorchSharp's glue library on Linux.</summary>
    public const string GlueLibraryName = "libLibTorchSharp.so";

    private const ushort VerFlagWeak = 0x2;
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;

    private static readonly object Gate = new();
    private static bool _loaded;

    /// <summary>What <see cref="EnsureLoaded"/> did: which library it examined, and whether it patched it.</summary>
    public static string Report { get; private set; } = "EnsureLoaded has not run.";

    /// <summary>
    /// Patches TorchSharp's glue library if this machine needs it, then initializes TorchSharp.
    /// Idempotent, thread-safe, and does its work once per process. Call it before anything touches
    /// <c>TorchSharp.torch</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">TorchSharp still cannot be loaded; the message says why.</exception>
    public static void EnsureLoaded()
    {
        if (Volatile.Read(ref _loaded))
        {
            return;
        }

        lock (Gate)
        {
            if (_loaded)
            {
                return;
            }

            Report = PrepareGlueLibrary();
            try
            {
                InitializeTorch();
            }
            catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException)
            {
                throw new InvalidOperationException(
                    $"TorchSharp could not be loaded ({Report}): {e.GetBaseException().Message}", e);
            }

            Volatile.Write(ref _loaded, true);
        }
    }

    // Kept out of line so that nothing of TorchSharp is touched (or its type initializer run) before the patch.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void InitializeTorch()
    {
        global::TorchSharp.torch.InitializeDeviceType(global::TorchSharp.DeviceType.CPU);
        using var probe = global::TorchSharp.torch.ones(1, dtype: global::TorchSharp.torch.float64);
        if (probe.item<double>() != 1.0)
        {
            throw new InvalidOperationException("TorchSharp loaded but torch.ones(1) is not 1.");
        }
    }

    private static string PrepareGlueLibrary()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return "not Linux x64: nothing to patch";
        }

        string? glue = FindGlueLibrary();
        if (glue is null)
        {
            return $"{GlueLibraryName} not found in the output folder: nothing patched";
        }

        string? libStdCxx = FindLibStdCxx();
        if (libStdCxx is not null && DefinesVersion(File.ReadAllBytes(libStdCxx), UnusedVersion))
        {
            return $"{libStdCxx} defines {UnusedVersion}: {glue} left as it is";
        }

        bool changed = MarkVersionNeedWeak(glue, UnusedVersion);
        string why = libStdCxx is null ? "no libstdc++ found" : $"{libStdCxx} lacks {UnusedVersion}";
        return changed
            ? $"{why}: marked {UnusedVersion} weak in {glue}"
            : $"{why}: {UnusedVersion} already weak (or not needed) in {glue}";
    }

    /// <summary>The glue library in the application's output folder (or next to TorchSharp.dll), or null.</summary>
    internal static string? FindGlueLibrary()
    {
        var folders = new List<string> { AppContext.BaseDirectory };
        string? torchSharpFolder = Path.GetDirectoryName(typeof(global::TorchSharp.DeviceType).Assembly.Location);
        if (!string.IsNullOrEmpty(torchSharpFolder))
        {
            folders.Add(torchSharpFolder);
        }

        foreach (string folder in folders)
        {
            foreach (string candidate in new[]
            {
                Path.Combine(folder, "runtimes", "linux-x64", "native", GlueLibraryName),
                Path.Combine(folder, GlueLibraryName),
            })
            {
                if (File.Exists(candidate) && !IsInNuGetCache(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="path"/> lies in a NuGet package folder, which is never written.</summary>
    private static bool IsInNuGetCache(string path)
    {
        string full = Path.GetFullPath(path);
        string? packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return full.Contains($"{Path.DirectorySeparatorChar}.nuget{Path.DirectorySeparatorChar}packages{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            || (!string.IsNullOrEmpty(packages) && full.StartsWith(Path.GetFullPath(packages), StringComparison.Ordinal));
    }

    /// <summary>
    /// The libstdc++ the dynamic loader will bind: the one already mapped into this process if any,
    /// else the first <c>libstdc++.so.6</c> on <c>LD_LIBRARY_PATH</c> or in the usual system folders.
    /// </summary>
    internal static string? FindLibStdCxx()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/maps"))
            {
                int slash = line.IndexOf('/');
                if (slash >= 0 && line.Contains("libstdc++.so", StringComparison.Ordinal))
                {
                    string path = line[slash..].Trim();
                    if (File.Exists(path))
                    {
                        return path;
                    }
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        var folders = (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(new[]
            {
                "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib",
            });
        return folders.Select(f => Path.Combine(f, "libstdc++.so.6")).FirstOrDefault(File.Exists);
    }

    /// <summary>Whether an ELF64 shared object defines the symbol version <paramref name="version"/> (.gnu.version_d).</summary>
    internal static bool DefinesVersion(byte[] elf, string version)
    {
        Section[] sections = ReadSections(elf);
        foreach (Section section in sections)
        {
            if (section.Type != ShtGnuVerdef)
            {
                continue;
            }

            Section strings = sections[(int)section.Link];
            int entry = checked((int)section.Offset);
            for (uint i = 0; i < section.Info; i++)
            {
                // Elf64_Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32.
                ushort count = U16(elf, entry + 6);
                int aux = entry + (int)U32(elf, entry + 12);
                for (int j = 0; j < count; j++)
                {
                    // Elf64_Verdaux: vda_name u32, vda_next u32.
                    if (ReadString(elf, strings, U32(elf, aux)) == version)
                    {
                        return true;
                    }

                    aux += (int)U32(elf, aux + 4);
                }

                uint next = U32(elf, entry + 16);
                if (next == 0)
                {
                    break;
                }

                entry += (int)next;
            }
        }

        return false;
    }

    /// <summary>
    /// Sets <c>VER_FLG_WEAK</c> on every requirement of <paramref name="version"/> in the ELF64 file at
    /// <paramref name="path"/>, replacing the file atomically (a new file renamed over it, with the old
    /// permissions and time stamp). Returns whether anything changed; a second call changes nothing.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    internal static bool MarkVersionNeedWeak(string path, string version)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (!MarkVersionNeedWeak(elf, version))
        {
            return false;
        }

        string temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, elf);
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            File.SetLastWriteTimeUtc(temporary, File.GetLastWriteTimeUtc(path));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return true;
    }

    /// <summary>
    /// Sets <c>VER_FLG_WEAK</c> in <c>vna_flags</c> of every <c>Vernaux</c> entry (in <c>.gnu.version_r</c>)
    /// whose name is <paramref name="version"/>. Returns whether any flag changed.
    /// </summary>
    internal static bool MarkVersionNeedWeak(byte[] elf, string version)
    {
        bool changed = false;
        foreach ((string name, int flagsOffset) in VersionNeeds(elf))
        {
            ushort flags = U16(elf, flagsOffset);
            if (name == version && (flags & VerFlagWeak) == 0)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(flagsOffset), (ushort)(flags | VerFlagWeak));
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>
    /// Whether every requirement of <paramref name="version"/> in an ELF64 file is marked weak;
    /// null when the file does not require that version at all.
    /// </summary>
    internal static bool? IsVersionNeedWeak(byte[] elf, string version)
    {
        var flags = VersionNeeds(elf).Where(n => n.Name == version).Select(n => U16(elf, n.FlagsOffset)).ToList();
        return flags.Count == 0 ? null : flags.TrueForAll(f => (f & VerFlagWeak) != 0);
    }

    /// <summary>Every <c>Vernaux</c> entry of <c>.gnu.version_r</c>: its version name and where its <c>vna_flags</c> is.</summary>
    private static List<(string Name, int FlagsOffset)> VersionNeeds(byte[] elf)
    {
        var needs = new List<(string, int)>();
        Section[] sections = ReadSections(elf);
        foreach (Section section in sections)
        {
            if (section.Type != ShtGnuVerneed)
            {
                continue;
            }

            // sh_link names the string table; sh_info is the number of Verneed entries.
            Section strings = sections[(int)section.Link];
            int entry = checked((int)section.Offset);
            for (uint i = 0; i < section.Info; i++)
            {
                // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
                ushort count = U16(elf, entry + 2);
                int aux = entry + (int)U32(elf, entry + 8);
                for (int j = 0; j < count; j++)
                {
                    // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                    needs.Add((ReadString(elf, strings, U32(elf, aux + 8)), aux + 4));
                    uint nextAux = U32(elf, aux + 12);
                    if (nextAux == 0)
                    {
                        break;
                    }

                    aux += (int)nextAux;
                }

                uint next = U32(elf, entry + 12);
                if (next == 0)
                {
                    break;
                }

                entry += (int)next;
            }
        }

        return needs;
    }

    private readonly record struct Section(uint Type, ulong Offset, ulong Size, uint Link, uint Info);

    private static Section[] ReadSections(byte[] elf)
    {
        // Elf64_Ehdr: e_ident[16] ("\x7fELF", class 2 = 64-bit, data 1 = little-endian), ..., e_shoff u64 @40,
        // e_shentsize u16 @58, e_shnum u16 @60.
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("Not an ELF file.");
        }

        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("Not a little-endian ELF64 file.");
        }

        ulong shoff = BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(40));
        int shentsize = U16(elf, 58);
        int shnum = U16(elf, 60);
        if (shoff == 0)
        {
            throw new InvalidDataException("The ELF file has no section headers.");
        }

        if (shnum == 0)
        {
            // Extended numbering: the count lives in sh_size of section 0.
            shnum = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(checked((int)shoff + 32))));
        }

        var sections = new Section[shnum];
        for (int i = 0; i < shnum; i++)
        {
            // Elf64_Shdr: sh_name u32, sh_type u32, sh_flags u64, sh_addr u64, sh_offset u64 @24, sh_size u64 @32,
            // sh_link u32 @40, sh_info u32 @44, ...
            int header = checked((int)shoff + i * shentsize);
            sections[i] = new Section(
                U32(elf, header + 4),
                BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(header + 24)),
                BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(header + 32)),
                U32(elf, header + 40),
                U32(elf, header + 44));
        }

        return sections;
    }

    private static string ReadString(byte[] elf, Section strings, uint offset)
    {
        int start = checked((int)(strings.Offset + offset));
        int end = Array.IndexOf(elf, (byte)0, start, (int)Math.Min(strings.Size - offset, (ulong)(elf.Length - start)));
        if (end < 0)
        {
            throw new InvalidDataException("Unterminated string in an ELF string table.");
        }

        return Encoding.ASCII.GetString(elf, start, end - start);
    }

    private static ushort U16(byte[] elf, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(offset));

    private static uint U32(byte[] elf, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(offset));
}
