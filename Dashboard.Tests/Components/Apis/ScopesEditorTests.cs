using Bunit;
using Flowgate.Dashboard.Components.Pages.Apis;
using Flowgate.Runtime.Applications;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace Flowgate.Tests.Components.Apis;

public sealed class ScopesEditorTests : MudComponentContext
{
    private IReadOnlyList<ResourceServerScope>? _saved;

    private IRenderedComponent<ScopesEditor> RenderEditor(bool readOnly = false) => Render<ScopesEditor>(p => p
        .Add(x => x.Scopes, [new ResourceServerScope("read:orders", "Read orders")])
        .Add(x => x.ReadOnly, readOnly)
        .Add(x => x.Save, scopes => { _saved = scopes; return Task.FromResult(true); }));

    [Fact]
    public void A_duplicate_or_a_value_with_spaces_is_refused_with_the_reason()
    {
        var editor = RenderEditor();

        Add(editor, "read:orders");
        Assert.Contains("read:orders is already listed.", editor.Markup);
        Add(editor, "read orders");
        Assert.Contains("A permission is one word", editor.Markup);

        Assert.Single(editor.FindAll("[data-test=scope-row]"));
        Assert.True(editor.Find("button[data-test=save-scopes]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Added_and_removed_scopes_are_saved_as_one_list()
    {
        var editor = RenderEditor();

        Add(editor, "write:orders", "Change orders");
        editor.Find("[data-test=remove-scope]").Click();
        await editor.Find("button[data-test=save-scopes]").ClickAsync(new());

        Assert.Equal([new ResourceServerScope("write:orders", "Change orders")], _saved);
        Assert.Equal("write:orders", editor.Find("[data-test=scope-row] code").TextContent);
    }

    [Fact]
    public void The_management_apis_scopes_are_shown_but_not_editable()
    {
        var editor = RenderEditor(readOnly: true);

        Assert.Single(editor.FindAll("[data-test=scope-row]"));
        Assert.Empty(editor.FindAll("[data-test=remove-scope], [data-test=add-scope], [data-test=save-scopes]"));
    }

    private static void Add(IRenderedComponent<ScopesEditor> editor, string value, string description = "")
    {
        editor.Find("input[data-test=scope-value]").Input(value);
        editor.Find("input[data-test=scope-description]").Change(description);
        editor.Find("button[data-test=add-scope]").Click();
    }
}
