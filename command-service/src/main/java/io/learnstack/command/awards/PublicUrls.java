package io.learnstack.command.awards;

/**
 * The public URLs of issuers and credentials, under {@code learnstack.public-base-url}.
 *
 * @param base the base URL, without a trailing slash
 */
record PublicUrls(String base) {

    PublicUrls {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String issuer(String tenant) {
        return base + "/issuers/" + tenant;
    }

    String credential(String awardId) {
        return base + "/credentials/" + awardId;
    }
}
