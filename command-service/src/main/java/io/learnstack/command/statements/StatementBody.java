package io.learnstack.command.statements;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.learnstack.command.attachments.Part;

/**
 * What a statement request carries.
 *
 * @param document    the statement, or the array of statements, as sent
 * @param attachments the parts after the statements of a multipart/mixed request; empty for JSON
 */
record StatementBody(JsonNode document, List<Part> attachments) {
}
