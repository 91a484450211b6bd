namespace Flowgate.Runtime.Triggers;

/// <summary>The TypeScript types every trigger's declarations share, kept as an embedded <c>common.d.ts</c>.</summary>
internal static class CommonDeclarations
{
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(CommonDeclarations).Assembly.GetManifestResourceStream("Flowgate.Runtime.Triggers.common.d.ts")
            ?? throw new InvalidOperationException("common.d.ts is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
