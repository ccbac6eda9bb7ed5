package dev.switchboard.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI 3.0 description of /api/v1, a hand-written file kept next to the code (its tests
 * check it names every endpoint the API controllers map). Served by a controller rather than as a
 * static file so that it is at exactly this address, behind the API's door (VIEWER, like every
 * GET under /api), and answered with the API's envelope when refused.
 */
@RestController
class OpenApiController {

    static final String DESCRIPTION = "api/v1/openapi.json";

    @GetMapping(path = "/api/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Resource description() {
        return new ClassPathResource(DESCRIPTION);
    }
}
