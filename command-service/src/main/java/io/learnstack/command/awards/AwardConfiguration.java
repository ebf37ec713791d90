package io.learnstack.command.awards;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.fasterxml.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AwardConfiguration {

    @Bean
    PublicUrls publicUrls(@Value("${learnstack.public-base-url:http://127.0.0.1:8080}") String base) {
        return new PublicUrls(base);
    }

    /** Resolved into the award aggregate's issue handler. */
    @Bean
    CredentialSigner credentialSigner(IssuerKeys keys, ObjectMapper json, PublicUrls urls) {
        return new CredentialSigner(keys, json, urls);
    }

    /**
     * Deadlines are written in the unit of work that records the issuance, so they commit or roll back
     * with it: a failed write must fail the command rather than be logged and skipped.
     */
    @Autowired
    void recordDeadlinesWithTheirEvents(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(AwardDeadlines.PROCESSING_GROUP);
        processing.registerListenerInvocationErrorHandler(AwardDeadlines.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
