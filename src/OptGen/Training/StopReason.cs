namespace OptGen.Training;

/// <summary>Why a run stopped.</summary>
public enum StopReason
{
    /// <summary>The run has not stopped (more epochs remain).</summary>
    None,

    /// <summary>All epochs ran.</summary>
    Completed,

    /// <summary>Early stopping: the monitored loss stopped improving.</summary>
    EarlyStopped,

    /// <summary>A loss, gradient or parameter became NaN or infinite; the last finite parameters were kept.</summary>
    NonFinite,

    /// <summary>The cancellation token was signalled (checked between epochs); <c>Run</c> again continues the run.</summary>
    Cancelled,
}
