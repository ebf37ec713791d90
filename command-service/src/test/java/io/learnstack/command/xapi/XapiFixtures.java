package io.learnstack.command.xapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Statements the tests start from; each is valid under xAPI 1.0.3 and 2.0.0. */
final class XapiFixtures {

    static final String MINIMAL = """
            {
              "actor": {"mbox": "mailto:ada@example.org"},
              "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
              "object": {"id": "http://example.org/courses/maths"}
            }
            """;

    /** Uses nearly every part of the data model, so that a single change can break any one rule. */
    static final String RICH = """
            {
              "id": "fd41c918-b88b-4b20-a0a5-a4c32391aaa0",
              "actor": {"objectType": "Agent", "name": "Ada Lovelace", "mbox": "mailto:ada@example.org"},
              "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
              "object": {
                "objectType": "Activity",
                "id": "http://example.org/courses/maths/quiz/q1",
                "definition": {
                  "name": {"en-US": "Question 1"},
                  "description": {"en-US": "Pick the prime"},
                  "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                  "moreInfo": "https://example.org/q1",
                  "interactionType": "choice",
                  "correctResponsesPattern": ["b"],
                  "choices": [
                    {"id": "a", "description": {"en-US": "4"}},
                    {"id": "b", "description": {"en-US": "5"}}
                  ],
                  "extensions": {"http://example.org/ext/difficulty": 3}
                }
              },
              "result": {
                "score": {"scaled": 0.8, "raw": 8, "min": 0, "max": 10},
                "success": true,
                "completion": true,
                "response": "b",
                "duration": "PT1M30.5S",
                "extensions": {"http://example.org/ext/attempt": 1}
              },
              "context": {
                "registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
                "instructor": {"name": "Grace", "account": {"homePage": "https://lms.example.org", "name": "grace"}},
                "team": {"objectType": "Group", "name": "Team A", "mbox": "mailto:team-a@example.org"},
                "contextActivities": {
                  "parent": [{"id": "http://example.org/courses/maths/quiz"}],
                  "grouping": [{"objectType": "Activity", "id": "http://example.org/courses/maths"}],
                  "category": [{"id": "https://w3id.org/xapi/cmi5/context/categories/cmi5"}],
                  "other": [{"id": "http://example.org/other"}]
                },
                "revision": "r2",
                "platform": "Learnstack test",
                "language": "en-GB",
                "statement": {"objectType": "StatementRef", "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"},
                "extensions": {"http://example.org/ext/session": {"seat": 12, "note": null}}
              },
              "timestamp": "2013-05-18T05:32:34.804+01:00",
              "attachments": [{
                "usageType": "http://adlnet.gov/expapi/attachments/signature",
                "display": {"en-US": "Signature"},
                "description": {"en-US": "A signature"},
                "contentType": "application/octet-stream",
                "length": 4235,
                "sha2": "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634",
                "fileUrl": "https://example.org/signature"
              }]
            }
            """;

    static final String SUBSTATEMENT = """
            {
              "objectType": "SubStatement",
              "actor": {"mbox": "mailto:ada@example.org"},
              "verb": {"id": "http://example.org/verbs/will-visit"},
              "object": {"id": "http://example.org/website"}
            }
            """;

    private XapiFixtures() {
    }

    static ObjectNode minimal() {
        return XapiJson.object(MINIMAL);
    }

    static ObjectNode rich() {
        return XapiJson.object(RICH);
    }
}
