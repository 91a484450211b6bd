namespace Flowgate.Runtime.Flows;

/// <summary>How a binding names its Action (Auth0's <c>ref.type</c>).</summary>
public enum BindingRefType
{
    ActionName,
    ActionId,
}
