using System.Text.Json.Nodes;
using Bunit;
using Flowgate.Dashboard.Components.Pages.Users;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace Flowgate.Tests.Components.Users;

public sealed class MetadataEditorTests : MudComponentContext
{
    private JsonObject? _saved;

    private IRenderedComponent<MetadataEditor> RenderEditor(string json = """{"plan":"free"}""", bool saves = true) => Render<MetadataEditor>(p => p
        .Add(x => x.Title, "app_metadata")
        .Add(x => x.Json, json)
        .Add(x => x.Save, obj => { _saved = obj; return Task.FromResult(saves); }));

    [Fact]
    public void The_stored_object_is_shown_indented_and_Save_waits_for_a_change()
    {
        var editor = RenderEditor();

        Assert.Equal("{\n  \"plan\": \"free\"\n}", editor.Find("textarea").GetAttribute("value") ?? editor.Find("textarea").TextContent);
        Assert.True(editor.Find("button[data-test=save-metadata]").HasAttribute("disabled"));
    }

    [Fact]
    public void Text_that_is_not_a_JSON_object_says_why_and_cannot_be_saved()
    {
        var editor = RenderEditor();

        editor.Find("textarea").Input("{\n  \"plan\": \n}");
        Assert.Contains("app_metadata is not valid JSON (line 3)", editor.Markup);
        Assert.True(editor.Find("button[data-test=save-metadata]").HasAttribute("disabled"));

        editor.Find("textarea").Input("[1, 2]");
        Assert.Contains("app_metadata must be a JSON object.", editor.Markup);

        editor.Find("textarea").Input("""{"a.b": 1}""");
        Assert.Contains("contains a dot", editor.Markup);
        Assert.True(editor.Find("button[data-test=save-metadata]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_valid_object_is_saved_whole_and_Discard_brings_back_the_stored_one()
    {
        var editor = RenderEditor();

        editor.Find("textarea").Input("""{"plan": "full", "seats": 5}""");
        await editor.Find("button[data-test=save-metadata]").ClickAsync(new());

        Assert.Equal("""{"plan":"full","seats":5}""", _saved!.ToJsonString());
        editor.Find("textarea").Input("""{"plan": "x"}""");
        editor.Find("button[data-test=discard-metadata]").Click();
        Assert.Contains("\"free\"", editor.Find("textarea").GetAttribute("value") ?? editor.Find("textarea").TextContent);
    }
}
