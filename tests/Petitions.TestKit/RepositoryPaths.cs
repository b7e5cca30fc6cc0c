namespace Petitions.TestKit;

/// <summary>Where things are, found from the test assembly's folder upwards.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the folder holding <c>Petitions.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The shared wire-format fixtures, beside the repository (<c>../shared/fixtures</c>).</summary>
    public static string SharedFixtures
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures"));
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException(
                    $"The shared fixtures are expected at {path} (the 'shared' folder beside the repository).");
            }

            return path;
        }
    }

    /// <summary>Reads one shared fixture, e.g. <c>Fixture("acs/sms-send-request.json")</c>.</summary>
    public static string Fixture(string relativePath) =>
        File.ReadAllText(Path.Combine(SharedFixtures, relativePath));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Petitions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No Petitions.sln above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
