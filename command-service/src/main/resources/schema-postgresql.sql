-- Axon's JDBC event store on PostgreSQL: the tables of Axon's PostgresEventTableFactory and token store.
CREATE TABLE IF NOT EXISTS DomainEventEntry (
    globalIndex         BIGSERIAL PRIMARY KEY,
    eventIdentifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT NOT NULL,
    type                 VARCHAR(255),
    timeStamp           VARCHAR(255) NOT NULL,
    payloadType         VARCHAR(255) NOT NULL,
    payloadRevision     VARCHAR(255),
    payload              BYTEA NOT NULL,
    metaData            BYTEA,
    UNIQUE (aggregateIdentifier, sequenceNumber)
);

CREATE TABLE IF NOT EXISTS SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL UNIQUE,
    payload              BYTEA NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber)
);

CREATE TABLE IF NOT EXISTS TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment        INTEGER NOT NULL,
    token          BYTEA,
    tokenType     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);

-- Each tenant's credential-signing key; the private half never leaves this table.
CREATE TABLE IF NOT EXISTS IssuerKey (
    tenant     VARCHAR(255) NOT NULL PRIMARY KEY,
    keyId      VARCHAR(255) NOT NULL,
    privateKey VARCHAR(1024) NOT NULL,
    publicKey  VARCHAR(1024) NOT NULL,
    created    BIGINT NOT NULL
);

-- When each expiring award is due to expire (epoch milliseconds); written with the award's issuance.
CREATE TABLE IF NOT EXISTS AwardDeadline (
    awardId VARCHAR(255) NOT NULL PRIMARY KEY,
    due     BIGINT NOT NULL
);

CREATE INDEX IF NOT EXISTS award_deadline_due ON AwardDeadline (due);

-- Which learner's enrolments hold an enrolment id (command-service enrolments).
CREATE TABLE IF NOT EXISTS EnrolmentDirectory (
    tenant              VARCHAR(255) NOT NULL,
    enrolmentId         VARCHAR(255) NOT NULL,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    PRIMARY KEY (tenant, enrolmentId)
);
