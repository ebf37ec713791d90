package io.learnstack.command.statements;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnstack.security.Client;

/** The authority the LRS writes into every statement: the client key that sent it. */
@Component
class AuthorityFactory {

    private final String homePage;
    private final ObjectMapper json;

    AuthorityFactory(@Value("${learnstack.authority-home-page:http://127.0.0.1:8080}") String homePage,
            ObjectMapper json) {
        this.homePage = homePage;
        this.json = json;
    }

    JsonNode authorityOf(Client client) {
        ObjectNode authority = json.createObjectNode();
        authority.put("objectType", "Agent");
        authority.put("name", client.key());
        ObjectNode account = authority.putObject("account");
        account.put("homePage", homePage);
        account.put("name", client.key());
        return authority;
    }
}
