package dev.switchboard.web;

import dev.switchboard.engine.NameNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An unknown name in a page's address is a 404 page, not a server error. The scope also matches
 * the API's {@code @RestController}s (each is a {@code @Controller}); ApiErrors is ordered first,
 * so they answer in the envelope.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler(NameNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/4xx";
    }
}
