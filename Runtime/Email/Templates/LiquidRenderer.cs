using System.Text.Encodings.Web;
using Fluid;

namespace Flowgate.Runtime.Email.Templates;

/// <summary>
/// Parses and renders e-mail templates with Fluid. Safe by construction: every value written with <c>{{ }}</c> is
/// HTML-encoded (a user's name cannot inject markup into the mail), the model is plain dictionaries (no .NET member
/// is reachable), <c>include</c>/<c>render</c> find no file, and a render is bounded in steps, output and time.
/// </summary>
public static class LiquidRenderer
{
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(1);
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithFileProvider(new NoFiles())
        .WithStrictFilters(true) // a misspelt filter is an error in the preview, not a silently empty mail
        .WithMaxSteps(50_000)
        .WithMaxRecursion(20)
        .WithMaxOutputSize(500_000)
        .WithMaxCollectionSize(10_000)
        .Build();

    /// <summary>The parse error of <paramref name="source"/> (with its line and column), or null when it is valid Liquid.</summary>
    public static string? SyntaxError(string source) => Parser.TryParse(source, out _, out var error) ? null : error;

    /// <summary>Renders <paramref name="source"/> with <paramref name="model"/>; HTML-encodes values unless <paramref name="html"/> is false.</summary>
    /// <exception cref="LiquidTemplateException">The template does not parse or cannot be rendered within the limits.</exception>
    public static async Task<string> RenderAsync(string source, IReadOnlyDictionary<string, object?> model, bool html)
    {
        if (!Parser.TryParse(source, out var template, out var error))
            throw new LiquidTemplateException(error);
        using var timeout = new CancellationTokenSource(RenderTimeout);
        var context = new TemplateContext(Options) { CancellationToken = timeout.Token };
        foreach (var (name, value) in model)
            if (value is not null)
                context.SetValue(name, value);
        try
        {
            return await template.RenderAsync(context, html ? HtmlEncoder.Default : NullEncoder.Default);
        }
        catch (OperationCanceledException)
        {
            throw new LiquidTemplateException($"The template took longer than {RenderTimeout.TotalSeconds:0} s to render.");
        }
        catch (Exception e) when (e is InvalidOperationException or ParseException or ArgumentException)
        {
            throw new LiquidTemplateException(e.Message);
        }
    }

    private sealed class NoFiles : ITemplateFileProvider
    {
        public ValueTask<TemplateSourceInfo> GetFileInfoAsync(string path, TemplateContext context, CancellationToken cancellationToken) =>
            throw new LiquidTemplateException($"Templates cannot include other files ('{path}').");
    }
}
