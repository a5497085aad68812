namespace ServiceRecoveryBot.ToneBenchmarks;

/// <summary>Finds the shared folder (env SHARED_DIR, else a sibling "shared" of a directory above this one).</summary>
public static class SharedPaths
{
    public static string SharedDirectory()
    {
        var env = Environment.GetEnvironmentVariable("SHARED_DIR");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
                if (Directory.Exists(candidate))
                {
                    return Path.Combine(dir.FullName, "shared");
                }
            }
        }

        throw new DirectoryNotFoundException("shared/fixtures not found; set SHARED_DIR.");
    }
}
