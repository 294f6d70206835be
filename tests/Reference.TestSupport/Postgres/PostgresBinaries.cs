namespace Reference.TestSupport.Postgres;

/// <summary>The <c>initdb</c> and <c>pg_ctl</c> executables of a local PostgreSQL installation.</summary>
internal sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Looks on PATH, then asks <c>pg_config --bindir</c>, then tries the usual install folders.</summary>
    public static PostgresBinaries? Locate()
    {
        var initDb = OsCommand.FindOnPath("initdb");
        var pgCtl = OsCommand.FindOnPath("pg_ctl");
        if (initDb is not null && pgCtl is not null)
        {
            return new PostgresBinaries(initDb, pgCtl);
        }

        return CandidateDirectories()
            .Select(InDirectory)
            .FirstOrDefault(binaries => binaries is not null);
    }

    private static PostgresBinaries? InDirectory(string directory)
    {
        var initDb = Path.Combine(directory, "initdb");
        var pgCtl = Path.Combine(directory, "pg_ctl");
        return File.Exists(initDb) && File.Exists(pgCtl) ? new PostgresBinaries(initDb, pgCtl) : null;
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        var pgConfig = OsCommand.FindOnPath("pg_config");
        if (pgConfig is not null)
        {
            var result = OsCommand.Run(pgConfig, ["--bindir"], ProbeTimeout);
            if (result.ExitCode == 0)
            {
                yield return result.Output.Trim();
            }
        }

        // Debian/Ubuntu, RHEL/Fedora and Homebrew install one folder per major version; prefer the newest.
        foreach (var pattern in new[] { ("/usr/lib/postgresql", "*"), ("/usr", "pgsql-*"), ("/opt/homebrew/opt", "postgresql@*") })
        {
            if (!Directory.Exists(pattern.Item1))
            {
                continue;
            }

            foreach (var versionFolder in Directory.GetDirectories(pattern.Item1, pattern.Item2)
                         .OrderByDescending(MajorVersion))
            {
                yield return Path.Combine(versionFolder, "bin");
            }
        }

        yield return "/usr/local/pgsql/bin";
    }

    private static int MajorVersion(string folder)
    {
        var digits = new string(Path.GetFileName(folder).Where(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, out var version) ? version : 0;
    }
}
