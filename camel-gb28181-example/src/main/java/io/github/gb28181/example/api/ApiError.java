package io.github.gb28181.example.api;

/**
 * The body of every error the API answers: what went wrong in words, never a stack trace.
 *
 * @param status  the HTTP status
 * @param error   its reason phrase
 * @param message what went wrong
 */
public record ApiError(int status, String error, String message) {
}
