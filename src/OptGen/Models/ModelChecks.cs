namespace OptGen.Models;

/// <summary>Argument checks shared by the models.</summary>
internal static class ModelChecks
{
    public static void Parameters(int length, int parameterCount, string name)
    {
        if (length != parameterCount)
        {
            throw new ArgumentException($"The span '{name}' has {length} elements, but the model has {parameterCount} parameters.", name);
        }
    }

    public static void Features(int length, int inputCount, string name)
    {
        if (length != inputCount)
        {
            throw new ArgumentException($"The sample has {length} features, but the model takes {inputCount}.", name);
        }
    }

    public static void Batch(int count, int featureCount, int inputCount)
    {
        if (count == 0)
        {
            throw new ArgumentException("The batch is empty.", "batch");
        }

        Features(featureCount, inputCount, "batch");
    }

    /// <summary>Refuses softmax on a model with one output (or in a hidden layer): k classes need <see cref="MlpClassifier{T}"/>.</summary>
    public static void SingleOutput(Activation output, Activation hidden)
    {
        if (output == Activation.Softmax || hidden == Activation.Softmax)
        {
            throw new ArgumentException(
                "This model has one output; softmax needs k logits. For k classes use MlpClassifier (or SoftmaxRegression).",
                output == Activation.Softmax ? "outputActivation" : "activation");
        }
    }
}
