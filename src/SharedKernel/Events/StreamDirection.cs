namespace Reference.SharedKernel.Events;

public enum StreamDirection
{
    Forward,
    Backward,
}
