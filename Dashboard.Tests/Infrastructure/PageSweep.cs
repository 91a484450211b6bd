using System.Text.Json;
using Flowgate.Tests.Sdk;
using Microsoft.Playwright;

namespace Flowgate.Tests.Infrastructure;

/// <summary>
/// What a person sees wrong on a page at a given size: the page scrolls sideways, the console shows errors, or
/// text fails WCAG 2.2 AA contrast (axe-core's color-contrast rule, the npm package pinned in <c>Sdk/package-lock.json</c>).
/// </summary>
internal sealed class PageSweep
{
    private readonly List<string> _consoleErrors = [];

    public PageSweep(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _consoleErrors.Add(message.Text);
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>Everything wrong found so far, one line each, named by the page it was found on.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>
    /// Opens <paramref name="path"/>, waits for its heading and data, then checks it. A page answering with an error
    /// status on purpose says so: Chromium logs that status as a console error.
    /// </summary>
    public async Task VisitAsync(string baseUrl, string path, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(baseUrl + path);
        try
        {
            await Page.Locator("h1").First.WaitForAsync(new() { Timeout = 15_000 });
            // Loaded when nothing shows a placeholder any more (a skeleton, a table's progress bar); not "network
            // idle", which Monaco's web workers never reach.
            await Page.WaitForLoadStateAsync(LoadState.Load);
            await Page.WaitForFunctionAsync("() => !document.querySelector('.mud-skeleton, .mud-table-loading-progress')", null, new() { Timeout = 15_000 });
            // The Action editor enables its buttons a moment after Monaco shows, once the editor has its model.
            await Page.WaitForFunctionAsync("() => !document.querySelector('[data-test=deploy][disabled]')", null, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            Problems.Add($"{path}: {await Page.Locator("h1").CountAsync()} headings, still loading after 15 s");
            return;
        }
        if (response?.Status != expectedStatus)
            Problems.Add($"{path}: answered {response?.Status}");
        else if (expectedStatus != 200)
            _consoleErrors.RemoveAll(e => e.Contains($"status of {expectedStatus}", StringComparison.Ordinal));
        await CheckAsync(path.Split('?')[0]);
    }

    /// <summary>Checks the page as it is now; <paramref name="name"/> says where in the report.</summary>
    public async Task CheckAsync(string name)
    {
        // A control that has just become enabled fades from grey to its colour (a CSS transition): contrast is judged
        // on the colours the user is left with, not on a frame of the fade.
        await Page.WaitForFunctionAsync("() => !document.getAnimations().some(a => a instanceof CSSTransition && a.playState === 'running')",
            null, new() { Timeout = 5_000 });
        var viewport = Page.ViewportSize!;
        var width = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (width > viewport.Width)
            Problems.Add($"{name} at {viewport.Width}px: the page is {width}px wide ({await WidestAsync()})");
        var highlighted = await Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.mud-navmenu a.active')].map(a => a.textContent.trim())");
        if (highlighted.Length > 1)
            Problems.Add($"{name}: {highlighted.Length} navigation entries are highlighted ({string.Join(", ", highlighted)})");
        if (await Page.EvaluateAsync<string?>(FocusedHeadingWithBox) is { } heading)
            Problems.Add($"{name}: the heading \"{heading}\" shows a focus box nobody asked for");
        foreach (var error in _consoleErrors)
            Problems.Add($"{name}: console error: {error}");
        _consoleErrors.Clear();
        foreach (var violation in await ContrastViolationsAsync())
            Problems.Add($"{name} at {viewport.Width}px: contrast {violation}");
    }

    // Navigation focuses the page's heading for screen readers; a mouse user should not see a box around it.
    private const string FocusedHeadingWithBox = """
        () => {
            const e = document.activeElement;
            if (!e || !/^H[1-6]$/.test(e.tagName)) return null;
            const style = getComputedStyle(e);
            return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 ? e.textContent.trim() : null;
        }
        """;

    // The deepest elements reaching past the right edge, to say what to fix.
    private Task<string> WidestAsync() => Page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > document.documentElement.clientWidth + 1))
            .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).slice(0, 2).join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px').join(', ')
        """);

    private async Task<IReadOnlyList<string>> ContrastViolationsAsync()
    {
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await NodeSdk.EnsureInstalledAsync();
            await Page.AddScriptTagAsync(new() { Path = Path.Combine(NodeSdk.Folder, "node_modules", "axe-core", "axe.min.js") });
        }
        var result = await Page.EvaluateAsync<JsonElement>("""
            async () => {
                const r = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] });
                return r.violations.flatMap(v => v.nodes.map(n => {
                    const d = (n.any[0] || {}).data || {};
                    return `${n.target.join(' ')} "${(n.html || '').slice(0, 80)}" ${d.fgColor} on ${d.bgColor} = ${d.contrastRatio}:1 (needs ${d.expectedContrastRatio})`;
                }));
            }
            """);
        return result.EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}
