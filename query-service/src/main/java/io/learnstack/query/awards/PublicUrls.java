package io.learnstack.query.awards;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The public URLs of issuers and credentials, under {@code learnstack.public-base-url}, and back. */
@Component
class PublicUrls {

    private final String base;

    PublicUrls(@Value("${learnstack.public-base-url:http://127.0.0.1:8080}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String issuer(String tenant) {
        return base + "/issuers/" + tenant;
    }

    String credential(String awardId) {
        return base + "/credentials/" + awardId;
    }

    /** The tenant an issuer id names, if it is one of this LRS's issuers. */
    Optional<String> tenantOf(String issuerId) {
        return lastSegment(issuerId, base + "/issuers/");
    }

    /** The award a credential id names, if it is one of this LRS's credentials. */
    Optional<String> awardOf(String credentialId) {
        return lastSegment(credentialId, base + "/credentials/");
    }

    private static Optional<String> lastSegment(String url, String prefix) {
        if (url == null || !url.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = url.substring(prefix.length());
        return rest.isEmpty() || rest.contains("/") || rest.contains("#") || rest.contains("?")
                ? Optional.empty() : Optional.of(rest);
    }
}
