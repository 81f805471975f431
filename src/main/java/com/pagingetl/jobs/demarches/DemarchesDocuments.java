package com.pagingetl.jobs.demarches;

/**
 * The two GraphQL documents of the job, loaded and checked on demand: the shipped ones or the files the
 * properties name. Thread-safe (no state besides the properties).
 */
final class DemarchesDocuments {

    static final String DOSSIERS = "dossiers.graphql";
    static final String DELETED = "deleted-dossiers.graphql";

    private final DemarchesProperties properties;

    DemarchesDocuments(DemarchesProperties properties) {
        this.properties = properties;
    }

    QueryDocument dossiers() {
        return QueryDocument.load(DemarchesProperties.PREFIX + "dossiers-query", properties.dossiersQuery(), DOSSIERS)
                .check(Connection.DOSSIERS);
    }

    QueryDocument deleted() {
        return QueryDocument.load(DemarchesProperties.PREFIX + "deleted-query", properties.deletedQuery(), DELETED)
                .check(Connection.PENDING_DELETED).check(Connection.DELETED);
    }

    QueryDocument forConnection(Connection connection) {
        return connection == Connection.DOSSIERS ? dossiers() : deleted();
    }
}
