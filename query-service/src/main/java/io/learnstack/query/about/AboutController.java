package io.learnstack.query.about;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The xAPI About resource: which versions of the specification this LRS speaks. */
@RestController
class AboutController {

    @GetMapping("/xapi/about")
    Map<String, Object> about() {
        return Map.of("version", List.of("1.0.3", "2.0.0"));
    }
}
