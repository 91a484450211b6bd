using Bunit;
using Flowgate.Dashboard.Components.Pages.Applications;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Components.Applications;

public sealed class CopyableFieldTests : MudComponentContext
{
    [Fact]
    public void The_copy_button_puts_the_value_on_the_clipboard()
    {
        var copy = JSInterop.SetupVoid("navigator.clipboard.writeText", "s3cr3t");
        var field = Render<CopyableField>(p => p.Add(x => x.Value, "s3cr3t").Add(x => x.Label, "Client secret").Add(x => x.DataTest, "client-secret"));

        Assert.Equal("s3cr3t", field.Find("input[data-test=client-secret]").GetAttribute("value"));
        field.Find("button[aria-label='Copy Client secret']").Click();

        copy.VerifyInvoke("navigator.clipboard.writeText");
    }
}
