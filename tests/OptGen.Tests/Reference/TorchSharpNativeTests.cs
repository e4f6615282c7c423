using System.Buffers.Binary;
using System.Text;
using OptGen.Reference;
using Xunit;

namespace OptGen.Tests.Reference;

/// <summary>The patch that lets TorchSharp-cpu 0.107.0 load where libstdc++ predates GLIBCXX_3.4.32.</summary>
public class TorchSharpNativeTests
{
    private const ushort Weak = 0x2;

    [Fact]
    public void EnsureLoaded_makes_TorchSharp_usable_and_is_idempotent()
    {
        TorchSharpNative.EnsureLoaded();
        TorchSharpNative.EnsureLoaded();
        Parallel.For(0, 8, _ => TorchSharpNative.EnsureLoaded());
        using var sum = TorchSharp.torch.tensor(new[] { 1.5, 2.25 }).sum();
        Assert.Equal(3.75, sum.item<double>());
        Assert.DoesNotContain("has not run", TorchSharpNative.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_output_copy_is_patched_exactly_when_the_system_libstdcxx_lacks_the_version()
    {
        TorchSharpNative.EnsureLoaded();
        if (!OperatingSystem.IsLinux())
        {
            Assert.Contains("nothing to patch", TorchSharpNative.Report, StringComparison.Ordinal);
            return;
        }

        string? glue = TorchSharpNative.FindGlueLibrary();
        Assert.NotNull(glue);
        Assert.StartsWith(Path.GetFullPath(AppContext.BaseDirectory), Path.GetFullPath(glue), StringComparison.Ordinal);
        byte[] elf = File.ReadAllBytes(glue);
        string? libStdCxx = TorchSharpNative.FindLibStdCxx();
        Assert.NotNull(libStdCxx);
        bool systemHasIt = TorchSharpNative.DefinesVersion(File.ReadAllBytes(libStdCxx), TorchSharpNative.UnusedVersion);
        bool? weak = TorchSharpNative.IsVersionNeedWeak(elf, TorchSharpNative.UnusedVersion);
        Assert.NotNull(weak);   // TorchSharp 0.107.0's glue library does require the version.
        if (!systemHasIt)
        {
            Assert.True(weak, $"{glue} still requires {TorchSharpNative.UnusedVersion} strongly; report: {TorchSharpNative.Report}");
        }

        Assert.Contains(libStdCxx, TorchSharpNative.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_NuGet_cache_is_never_patched()
    {
        TorchSharpNative.EnsureLoaded();
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string cached = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", TorchSharpNative.GlueLibraryName);
        if (File.Exists(cached))
        {
            Assert.False(TorchSharpNative.IsVersionNeedWeak(File.ReadAllBytes(cached), TorchSharpNative.UnusedVersion));
        }
        else
        {
            // Restored elsewhere (a custom cache): then at least the patched copy is not the one TorchSharp.dll sits beside in a cache.
            Assert.DoesNotContain(Path.Combine(".nuget", "packages"), TorchSharpNative.FindGlueLibrary() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_system_libstdcxx_is_read_not_written()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string? libStdCxx = TorchSharpNative.FindLibStdCxx();
        Assert.NotNull(libStdCxx);
        byte[] bytes = File.ReadAllBytes(libStdCxx);
        Assert.True(TorchSharpNative.DefinesVersion(bytes, "GLIBCXX_3.4"));
        Assert.False(TorchSharpNative.DefinesVersion(bytes, "GLIBCXX_99.0"));
    }

    [Fact]
    public void Only_the_named_requirement_becomes_weak_and_a_second_pass_changes_nothing()
    {
        byte[] elf = SyntheticElf(out int[] flagOffsets);
        byte[] before = (byte[])elf.Clone();
        Assert.False(TorchSharpNative.IsVersionNeedWeak(elf, "GLIBCXX_3.4.32"));

        Assert.True(TorchSharpNative.MarkVersionNeedWeak(elf, "GLIBCXX_3.4.32"));
        Assert.True(TorchSharpNative.IsVersionNeedWeak(elf, "GLIBCXX_3.4.32"));
        Assert.False(TorchSharpNative.IsVersionNeedWeak(elf, "GLIBCXX_3.4"));
        Assert.False(TorchSharpNative.IsVersionNeedWeak(elf, "BAR_1"));
        Assert.Null(TorchSharpNative.IsVersionNeedWeak(elf, "GLIBCXX_3.4.30"));

        // Exactly one bit of one byte changed: VER_FLG_WEAK in that Vernaux's vna_flags.
        int[] changed = Enumerable.Range(0, elf.Length).Where(i => elf[i] != before[i]).ToArray();
        Assert.Equal([flagOffsets[1]], changed);
        Assert.Equal(Weak, BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(flagOffsets[1])));

        byte[] once = (byte[])elf.Clone();
        Assert.False(TorchSharpNative.MarkVersionNeedWeak(elf, "GLIBCXX_3.4.32"));
        Assert.Equal(once, elf);
    }

    [Fact]
    public void A_version_definition_is_found_by_name()
    {
        byte[] elf = SyntheticElf(out _);
        Assert.True(TorchSharpNative.DefinesVersion(elf, "LIBFOO_2.0"));
        Assert.False(TorchSharpNative.DefinesVersion(elf, "GLIBCXX_3.4.32"));
    }

    [Fact]
    public void Patching_a_file_replaces_it_atomically_keeping_its_mode_and_time_stamp()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string folder = Directory.CreateTempSubdirectory("optgen-elf-").FullName;
        try
        {
            string path = Path.Combine(folder, "libfake.so");
            File.WriteAllBytes(path, SyntheticElf(out int[] flagOffsets));
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead);
            var stamp = new DateTime(2026, 5, 7, 12, 0, 0, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(path, stamp);
            string other = Path.Combine(folder, "other-name.so");
            File.Copy(path, other);

            Assert.True(TorchSharpNative.MarkVersionNeedWeak(path, "GLIBCXX_3.4.32"));
            Assert.False(TorchSharpNative.MarkVersionNeedWeak(path, "GLIBCXX_3.4.32"));

            byte[] patched = File.ReadAllBytes(path);
            Assert.Equal(Weak, BinaryPrimitives.ReadUInt16LittleEndian(patched.AsSpan(flagOffsets[1])));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
            Assert.Equal(2, Directory.GetFiles(folder).Length);   // no temporary file left behind
            Assert.False(TorchSharpNative.IsVersionNeedWeak(File.ReadAllBytes(other), "GLIBCXX_3.4.32"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_file_that_is_not_little_endian_ELF64_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => TorchSharpNative.MarkVersionNeedWeak(Encoding.ASCII.GetBytes("#!/bin/sh\necho not an ELF file\n" + new string(' ', 64)), "X"));
        byte[] elf32 = SyntheticElf(out _);
        elf32[4] = 1;   // ELFCLASS32
        Assert.Throws<InvalidDataException>(() => TorchSharpNative.MarkVersionNeedWeak(elf32, "X"));
    }

    /// <summary>
    /// A minimal little-endian ELF64 image with a string table, a <c>.gnu.version_r</c> that needs
    /// libfoo.so (GLIBCXX_3.4, GLIBCXX_3.4.32) and libbar.so (BAR_1), and a <c>.gnu.version_d</c> that defines
    /// LIBFOO_2.0. <paramref name="flagOffsets"/> are the file offsets of the three <c>vna_flags</c>, in that order.
    /// </summary>
    private static byte[] SyntheticElf(out int[] flagOffsets)
    {
        const int stringsAt = 64;
        string[] names = ["libfoo.so", "GLIBCXX_3.4", "GLIBCXX_3.4.32", "libbar.so", "BAR_1", "LIBFOO_2.0"];
        var strings = new List<byte> { 0 };
        var nameAt = new Dictionary<string, int>();
        foreach (string name in names)
        {
            nameAt[name] = strings.Count;
            strings.AddRange(Encoding.ASCII.GetBytes(name));
            strings.Add(0);
        }

        int needAt = (stringsAt + strings.Count + 7) / 8 * 8;
        const int needSize = 16 + 2 * 16 + 16 + 16;
        int defAt = needAt + needSize;
        const int defSize = 20 + 8;
        int headersAt = (defAt + defSize + 7) / 8 * 8;
        var elf = new byte[headersAt + 4 * 64];

        elf[0] = 0x7f;
        elf[1] = (byte)'E';
        elf[2] = (byte)'L';
        elf[3] = (byte)'F';
        elf[4] = 2;     // ELFCLASS64
        elf[5] = 1;     // ELFDATA2LSB
        elf[6] = 1;     // EV_CURRENT
        W16(16, 3);     // ET_DYN
        W16(18, 62);    // EM_X86_64
        W32(20, 1);
        W64(40, (ulong)headersAt);
        W16(52, 64);
        W16(58, 64);
        W16(60, 4);
        strings.CopyTo(elf, stringsAt);

        // Verneed libfoo.so: 2 entries; Verneed libbar.so: 1 entry.
        int v1 = needAt;
        W16(v1, 1); W16(v1 + 2, 2); W32(v1 + 4, (uint)nameAt["libfoo.so"]); W32(v1 + 8, 16); W32(v1 + 12, 48);
        int a1 = v1 + 16;
        W32(a1 + 8, (uint)nameAt["GLIBCXX_3.4"]); W16(a1 + 6, 2); W32(a1 + 12, 16);
        int a2 = a1 + 16;
        W32(a2 + 8, (uint)nameAt["GLIBCXX_3.4.32"]); W16(a2 + 6, 3); W32(a2 + 12, 0);
        int v2 = v1 + 48;
        W16(v2, 1); W16(v2 + 2, 1); W32(v2 + 4, (uint)nameAt["libbar.so"]); W32(v2 + 8, 16); W32(v2 + 12, 0);
        int a3 = v2 + 16;
        W32(a3 + 8, (uint)nameAt["BAR_1"]); W16(a3 + 6, 4); W32(a3 + 12, 0);

        // Verdef LIBFOO_2.0 with one Verdaux.
        W16(defAt, 1); W16(defAt + 4, 2); W16(defAt + 6, 1); W32(defAt + 12, 20); W32(defAt + 16, 0);
        W32(defAt + 20, (uint)nameAt["LIBFOO_2.0"]); W32(defAt + 24, 0);

        // Section headers: 0 null, 1 .dynstr, 2 .gnu.version_r (link 1, info 2), 3 .gnu.version_d (link 1, info 1).
        Section(1, type: 3, offset: stringsAt, size: strings.Count, link: 0, info: 0);
        Section(2, type: 0x6ffffffe, offset: needAt, size: needSize, link: 1, info: 2);
        Section(3, type: 0x6ffffffd, offset: defAt, size: defSize, link: 1, info: 1);

        flagOffsets = [a1 + 4, a2 + 4, a3 + 4];
        return elf;

        void Section(int index, uint type, int offset, int size, uint link, uint info)
        {
            int h = headersAt + index * 64;
            W32(h + 4, type);
            W64(h + 24, (ulong)offset);
            W64(h + 32, (ulong)size);
            W32(h + 40, link);
            W32(h + 44, info);
        }

        void W16(int at, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(at), value);
        void W32(int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(at), value);
        void W64(int at, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(at), value);
    }
}
