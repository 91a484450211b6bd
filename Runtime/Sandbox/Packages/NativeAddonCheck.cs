using System.Text.Json;
using System.Text.RegularExpressions;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// Refuses packages that need a compiled add-on: V8 in the sandbox can load JavaScript only, and
/// install scripts never run. Signs, as npm reads them: a <c>binding.gyp</c> (npm then runs
/// <c>node-gyp rebuild</c>), <c>"gypfile": true</c>, shipped <c>.node</c> binaries, or an install
/// script that builds or downloads one. Other install scripts (banners, telemetry) are ignored.
/// </summary>
internal static partial class NativeAddonCheck
{
    // Well-known native packages and the pure-JavaScript packages that replace them.
    private static readonly Dictionary<string, string> Alternatives = new(StringComparer.Ordinal)
    {
        ["bcrypt"] = "bcryptjs",
        ["sodium-native"] = "tweetnacl",
        ["node-expat"] = "sax",
        ["libxmljs"] = "@xmldom/xmldom",
    };

    public static void Refuse(JsonElement packageJson, IEnumerable<string> files, PackageKey package, PackageKey? requiredBy)
    {
        if (!IsNative(packageJson, files)) return;
        var via = requiredBy is { } parent ? $" (a dependency of {parent})" : "";
        var instead = Alternatives.TryGetValue(package.Name, out var alternative) ? $"a pure-JavaScript package (e.g. {alternative})" : "a pure-JavaScript package";
        throw new PackageException($"The package '{package}'{via} needs a native add-on, which Actions cannot load; use {instead}.");
    }

    private static bool IsNative(JsonElement packageJson, IEnumerable<string> files)
    {
        if (files.Any(f => f == "binding.gyp" || f.EndsWith(".node", StringComparison.OrdinalIgnoreCase))) return true;
        if (packageJson.TryGetProperty("gypfile", out var gyp) && gyp.ValueKind == JsonValueKind.True) return true;
        if (!packageJson.TryGetProperty("scripts", out var scripts) || scripts.ValueKind != JsonValueKind.Object) return false;
        return new[] { "preinstall", "install", "postinstall" }.Any(hook =>
            scripts.TryGetProperty(hook, out var script) && script.ValueKind == JsonValueKind.String && Builds().IsMatch(script.GetString()!));
    }

    [GeneratedRegex(@"\b(node-gyp|node-pre-gyp|prebuild-install|prebuild|cmake-js|node-gyp-build|napi-rs|electron-rebuild)\b")]
    private static partial Regex Builds();
}
