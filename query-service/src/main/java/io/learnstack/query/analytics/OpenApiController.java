package io.learnstack.query.analytics;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The OpenAPI 3 description of the {@code /api} resources, public so tools can fetch it without a key. */
@RestController
class OpenApiController {

    private final byte[] description;

    OpenApiController() throws IOException {
        try (InputStream in = new ClassPathResource("api/openapi.json").getInputStream()) {
            description = in.readAllBytes();
        }
    }

    @GetMapping("/api/openapi.json")
    ResponseEntity<byte[]> openApi() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache()).body(description);
    }
}
