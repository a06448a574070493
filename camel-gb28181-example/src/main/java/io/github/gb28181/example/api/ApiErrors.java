package io.github.gb28181.example.api;

import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;

import io.github.gb28181.camel.device.DeviceException;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.DeviceRejectedException;
import io.github.gb28181.camel.device.DeviceTimeoutException;
import io.github.gb28181.camel.device.DeviceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns failures into JSON answers with the status that says whose fault it is: 400 a bad request, 404 an unknown
 * device, channel or stream, 503 a device that is offline, 504 a device that did not answer, 502 a device that
 * answered with an error.
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final DeviceRegistry registry;

    public ApiErrors(DeviceRegistry registry) {
        this.registry = registry;
    }

    @ExceptionHandler(DeviceUnavailableException.class)
    ResponseEntity<ApiError> unavailable(DeviceUnavailableException e) {
        boolean known = e.getDeviceId() != null && registry.owner(e.getDeviceId()).isPresent();
        return answer(known ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(DeviceTimeoutException.class)
    ResponseEntity<ApiError> timeout(DeviceTimeoutException e) {
        return answer(HttpStatus.GATEWAY_TIMEOUT, e.getMessage());
    }

    @ExceptionHandler(DeviceRejectedException.class)
    ResponseEntity<ApiError> rejected(DeviceRejectedException e) {
        return answer(HttpStatus.BAD_GATEWAY, e.getMessage() + " (SIP " + e.getStatusCode() + ")");
    }

    @ExceptionHandler(DeviceException.class)
    ResponseEntity<ApiError> device(DeviceException e) {
        return answer(HttpStatus.BAD_GATEWAY, e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ApiError> unknown(NoSuchElementException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({ IllegalArgumentException.class, MethodArgumentTypeMismatchException.class })
    ResponseEntity<ApiError> badRequest(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** What cannot be done now, for example deleting a recording still being written. */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ApiError> conflict(IllegalStateException e) {
        return answer(HttpStatus.CONFLICT, e.getMessage());
    }

    /** A failure of an asynchronous answer that arrives still wrapped. */
    @ExceptionHandler(CompletionException.class)
    ResponseEntity<ApiError> completion(CompletionException e) throws Exception {
        Throwable cause = e.getCause();
        if (cause instanceof DeviceUnavailableException u) {
            return unavailable(u);
        } else if (cause instanceof DeviceTimeoutException t) {
            return timeout(t);
        } else if (cause instanceof DeviceRejectedException r) {
            return rejected(r);
        } else if (cause instanceof DeviceException d) {
            return device(d);
        } else if (cause instanceof NoSuchElementException n) {
            return unknown(n);
        } else if (cause instanceof IllegalArgumentException i) {
            return badRequest(i);
        }
        return unexpected(cause instanceof Exception ex ? ex : e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        LOG.error("Request failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error: " + e.getClass().getSimpleName());
    }

    /** Spring MVC's own failures (unreadable JSON, missing parameter, unknown path...) in the same shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        String message = ex.getMessage();
        if (ex instanceof HttpMessageNotReadableException) {
            message = "The request body is missing or is not the JSON this request takes";
        } else if (body instanceof org.springframework.http.ProblemDetail problem && problem.getDetail() != null) {
            message = problem.getDetail();
        }
        HttpHeaders json = new HttpHeaders();
        json.putAll(headers);
        json.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(error(statusCode, message), json, statusCode);
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(error(status, message));
    }

    private static ApiError error(HttpStatusCode status, String message) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return new ApiError(status.value(), known != null ? known.getReasonPhrase() : "Error", message);
    }
}
