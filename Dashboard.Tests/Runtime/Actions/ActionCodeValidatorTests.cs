using Flowgate.Runtime.Actions;

namespace Flowgate.Tests.Runtime.Actions;

public sealed class ActionCodeValidatorTests
{
    [Fact]
    public void Every_syntax_error_reports_its_line_not_only_the_first_one_the_validator_sees()
    {
        using var validator = new ActionCodeValidator();
        const string code = "exports.onExecutePostLogin = async (event, api) => {\n  const = 1;\n};\n";

        var first = validator.Validate(code);
        var second = validator.Validate(code);

        Assert.Equal((2, 9), (first?.Line, first?.Column));
        Assert.Equal((2, 9), (second?.Line, second?.Column));
        Assert.Null(validator.Validate("exports.onExecutePostLogin = async () => {};\n"));
    }
}
