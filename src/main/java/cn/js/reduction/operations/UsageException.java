package cn.js.reduction.operations;

/** Bad usage or configuration: exit code 2, with a message that says what to type instead. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
