package io.learnstack.query.awards;

import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;

/** The human-readable page of an awarded credential. */
final class CredentialPage {

    private CredentialPage() {
    }

    /**
     * @param credential the decoded credential
     * @param status     the award's status now
     */
    static String render(JsonNode credential, String status) {
        JsonNode achievement = credential.path("credentialSubject").path("achievement");
        String name = text(achievement.path("name").asText(credential.path("name").asText("Credential")));
        String description = text(achievement.path("description").asText(""));
        String image = achievement.path("image").path("id").asText(null);
        JsonNode issuer = credential.path("issuer");
        String issuerName = text(issuer.path("name").asText(issuer.path("id").asText("")));
        String issuerId = text(issuer.path("id").asText(""));
        String validUntil = credential.path("validUntil").asText(null);
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(name).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}"
                        + "img{max-width:12rem}.status{font-weight:bold}.issued{color:#176f2c}"
                        + ".revoked,.expired{color:#a11}</style>\n</head>\n<body>\n<main>\n");
        if (image != null && (image.startsWith("https://") || image.startsWith("http://"))) {
            page.append("<img src=\"").append(text(image)).append("\" alt=\"").append(name).append(" badge\">\n");
        }
        page.append("<h1>").append(name).append("</h1>\n")
                .append("<p>").append(description).append("</p>\n<dl>\n")
                .append("<dt>Issuer</dt><dd><a href=\"").append(issuerId).append("\">").append(issuerName)
                .append("</a></dd>\n")
                .append("<dt>Valid from</dt><dd>").append(text(credential.path("validFrom").asText(""))).append("</dd>\n");
        if (validUntil != null) {
            page.append("<dt>Valid until</dt><dd>").append(text(validUntil)).append("</dd>\n");
        }
        page.append("<dt>Status</dt><dd class=\"status ").append(text(status)).append("\">").append(text(status))
                .append("</dd>\n</dl>\n")
                .append("<p>This is an Open Badges 3.0 credential, signed by its issuer as a VC-JWT; POST it to "
                        + "<code>/credentials/verify</code> to check it.</p>\n</main>\n</body>\n</html>\n");
        return page.toString();
    }

    private static String text(String value) {
        return HtmlUtils.htmlEscape(value);
    }
}
