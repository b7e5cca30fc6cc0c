namespace Petitions.TestKit;

/// <summary>Where things are, found from the test assembly's folder upwards.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the folder holding <c>Petitions.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>
    /// The shared wire-format fixtures: <c>shared/fixtures</c> beside the repository (CI's fresh clone),
    /// or beside one of its parent folders (a git worktree kept in a sub-folder).
    /// </summary>
    public static string SharedFixtures
    {
        get
        {
            for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, "shared", "fixtures");
                if (Directory.Exists(path))
                {
                    return path;
                }
            }

            throw new DirectoryNotFoundException(
                $"The shared fixtures are expected at {Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures"))} (the 'shared' folder beside the repository).");
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
