package com.pagingetl.jobs.tdg;

import com.pagingetl.paging.JsonRecords;

/**
 * The GraphQL read of one run, identical on every page except for {@code first} and {@code after}, as TDG's
 * cursors require: {@code <Type>([<field>_gt: since,] version: V[, all_versions: true], first: n[, after: c])}.
 * Versions and watermarks are sent as strings, as in TDG's documentation, so that no digit is lost on the way.
 * An incremental read puts its update-field condition first, which makes TDG scan that index.
 *
 * @param version     the pinned version (canonical decimal text)
 * @param updateField the indexed update-time field of an incremental read, or null
 * @param since       exclusive lower bound on {@code updateField}, or null for a full read
 */
record TdgQuery(String type, String selection, TdgMode mode, String version, String updateField, String since) {

    String document(int first, String after) {
        StringBuilder args = new StringBuilder();
        if (incremental()) {
            args.append(updateField).append("_gt: ").append(JsonRecords.quote(since)).append(", ");
        }
        args.append("version: ").append(JsonRecords.quote(version));
        if (mode == TdgMode.HISTORY) {
            args.append(", all_versions: true");
        }
        args.append(", first: ").append(first);
        if (after != null) {
            args.append(", after: ").append(JsonRecords.quote(after));
        }
        return "query tdgVersions { " + type + "(" + args + ") { " + selection + " } }";
    }

    boolean incremental() {
        return updateField != null && since != null;
    }
}
