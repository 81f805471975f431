package com.pagingetl.jobs.demarches;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.pagingetl.launch.UsageException;

/**
 * The job parameters, checked before anything starts.
 *
 * @param demarche     the démarche number (scope: each démarche has its own runs and watermarks)
 * @param updatedSince the fixed lower bound asked for, or null to use the stored one (or the default on a first run)
 * @param first        page size, 1..100
 * @param fullResync   ignore the stored cursors and read everything again from {@code updatedSince}
 */
record DemarchesParameters(int demarche, String updatedSince, int first, boolean fullResync) {

    /** The lower bound of a first run when none is given: before the service opened, so every dossier counts. */
    static final String DEFAULT_UPDATED_SINCE = "2015-01-01T00:00:00+01:00";
    /** The API's page size limit; it silently returns 100 for anything above. */
    static final int MAX_FIRST = 100;

    static DemarchesParameters of(Map<String, String> parameters) {
        String demarche = parameters.getOrDefault("demarche", "").trim();
        if (demarche.isEmpty()) {
            throw new UsageException("demarchesDossiers needs demarche=<number> (the démarche to export)");
        }
        int number;
        try {
            number = Integer.parseInt(demarche);
        } catch (NumberFormatException e) {
            throw new UsageException("demarche=" + demarche + " is not a démarche number");
        }
        if (!Integer.toString(number).equals(demarche)) {
            throw new UsageException("demarche=" + demarche + ": write the number as " + number
                    + " (the number selects the démarche's runs and watermarks, so it has one spelling)");
        }
        if (number < 1) {
            throw new UsageException("demarche=" + demarche + " must be a positive démarche number");
        }
        String since = parameters.getOrDefault("updatedSince", "").trim();
        if (!since.isEmpty()) {
            checkDate(since);
        }
        String firstText = parameters.getOrDefault("first", Integer.toString(MAX_FIRST)).trim();
        int first;
        try {
            first = Integer.parseInt(firstText);
        } catch (NumberFormatException e) {
            throw new UsageException("first=" + firstText + " is not a number");
        }
        if (first > MAX_FIRST) {
            throw new UsageException("first=" + first + " is above " + MAX_FIRST + ", the API's maximum page size: it would"
                    + " silently return " + MAX_FIRST + " dossiers per page; use first=" + MAX_FIRST + " or less");
        }
        if (first < 1) {
            throw new UsageException("first=" + first + " must be between 1 and " + MAX_FIRST);
        }
        String full = parameters.getOrDefault("fullResync", "false").trim();
        if (!full.equals("true") && !full.equals("false")) {
            throw new UsageException("fullResync=" + full + " must be true or false");
        }
        return new DemarchesParameters(number, since.isEmpty() ? null : since, first, Boolean.parseBoolean(full));
    }

    /**
     * ISO 8601 date-time with offset, or a date, as the API's ISO8601DateTime accepts, and not in the future: a fixed
     * lower bound after now would make every run of the démarche read nothing, for good.
     */
    private static void checkDate(String value) {
        boolean future;
        try {
            future = OffsetDateTime.parse(value).isAfter(OffsetDateTime.now());
        } catch (DateTimeParseException notDateTime) {
            try {
                future = LocalDate.parse(value).isAfter(LocalDate.now(ZoneOffset.MAX));
            } catch (DateTimeParseException notDate) {
                throw new UsageException("updatedSince=" + value + " is not an ISO 8601 date (2020-02-22) or date-time"
                        + " with offset (2020-02-22T00:00:00+01:00)");
            }
        }
        if (future) {
            throw new UsageException("updatedSince=" + value + " is in the future: no dossier can have been updated since"
                    + " then, and it stays the démarche's fixed lower bound for every later run");
        }
    }
}
