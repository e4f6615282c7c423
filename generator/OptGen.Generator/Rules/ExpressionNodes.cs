using System.Collections.Generic;
using System.Linq;

namespace OptGen.Generator.Rules;

/// <summary>Walks expressions and statements: every node, in order. Exhaustive: an unknown node is an internal error.</summary>
internal static class ExpressionNodes
{
    public static IEnumerable<Expression> Of(Expression expression)
    {
        yield return expression;
        IEnumerable<Expression> children = expression switch
        {
            Constant or CurrentLearningRate or StepNumber or ScalarState or StepValue or Parameter or RawGradient or ClipScale or Gradient
                or BufferValue or ElementLocal => [],
            Binary binary => [binary.Left, binary.Right],
            Negate negate => [negate.Operand],
            Call { Second: null } call => [call.First],
            Call call => [call.First, call.Second],
            Comparison comparison => [comparison.Left, comparison.Right],
            Select select => [select.Condition, select.WhenTrue, select.WhenFalse],
            _ => throw UnknownNode.Of(expression),
        };
        foreach (Expression child in children)
        {
            foreach (Expression node in Of(child))
            {
                yield return node;
            }
        }
    }

    /// <summary>The expression a statement computes.</summary>
    public static Expression ValueOf(Statement statement) => statement switch
    {
        AssignBuffer assign => assign.Value,
        DescendParameter descend => descend.Step,
        ScaleParameter scale => scale.Factor,
        DefineLocal local => local.Value,
        SetParameter set => set.Value,
        _ => throw UnknownNode.Of(statement),
    };

    /// <summary>Every node of every element statement and of the gradient's definition.</summary>
    public static IEnumerable<Expression> InElementCode(UpdateRule rule)
    {
        foreach (Expression node in Of(rule.GradientDefinition))
        {
            yield return node;
        }

        foreach (Statement statement in rule.Statements)
        {
            foreach (Expression node in Of(ValueOf(statement)))
            {
                yield return node;
            }
        }

        if (rule.Modes is { } modes)
        {
            foreach (Expression node in Of(modes.Train).Concat(Of(modes.Eval)))
            {
                yield return node;
            }
        }
    }

    /// <summary>Every node of the per-step computation.</summary>
    public static IEnumerable<Expression> InStepCode(UpdateRule rule)
    {
        foreach (StepOperation operation in rule.StepOperations)
        {
            Expression? value = operation switch
            {
                DefineStepValue define => define.Value,
                AdvanceState advance => advance.Value,
                _ => throw UnknownNode.Of(operation),
            };
            if (value is null)
            {
                continue;
            }

            foreach (Expression node in Of(value))
            {
                yield return node;
            }
        }
    }
}

/// <summary>A node a writer does not know: a bug in OptGen, reported as OPTG000 with the node's name.</summary>
internal sealed class UnknownNode(string message) : System.Exception(message)
{
    public static UnknownNode Of(object node) => new($"no writer handles the node {node.GetType().Name} ({node})");

    public static UnknownNode Misplaced(object node, string where) => new($"the node {node.GetType().Name} ({node}) cannot appear in {where}");
}
